import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { signIn } from './sign-in';

// An administrator created for this run by the backend test that starts the platform.
const email = process.env.PASSERELLE_E2E_ADMIN_EMAIL ?? 'administration@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

async function expectNoWcagViolation(page: Page) {
  const audit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('an administrator answers a citizen’s access and erasure requests, then finds them in the audit log, with the keyboard', async ({
  page,
}) => {
  await signIn(page, email, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });

  await navigation.getByRole('link', { name: 'Droits des personnes' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Droits des personnes' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Numéro de la personne' }).fill('07 99 99 98 12');
  await page.getByRole('checkbox', { name: /J’ai vérifié que la personne/ }).check();
  await page.getByRole('button', { name: 'Préparer le fichier de ses données' }).press('Enter');
  await expect(page.getByText('Pour le 07 •• •• •• 12 :')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger le fichier, à lui envoyer' })).toBeVisible();
  await page.getByRole('button', { name: 'Effacer ses données' }).press('Enter');
  await expect(page.getByText(/Données effacées\./)).toBeVisible();
  await expectNoWcagViolation(page);

  await navigation.getByRole('link', { name: 'Journal d’audit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Journal d’audit' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Qui' }).fill(email);
  await page.getByRole('textbox', { name: 'Qui' }).press('Enter');
  const table = page.getByRole('table', { name: /des plus récentes aux plus anciennes/ });
  await expect(table.getByRole('row', { name: /Données d’une personne effacées/ })).toContainText(
    '07 •• •• •• 12',
  );
  await expect(table.getByRole('row', { name: /Données d’une personne communiquées/ })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`Connexion ${email}`) }).first()).toBeVisible();
  await expectNoWcagViolation(page);
});

test('an administrator blocks the number of a request by its reference, then unblocks it, with the keyboard', async ({
  page,
}) => {
  // a citizen's request on the site, whose reference the coordinator is given
  await page.goto('/rappel');
  await page
    .getByLabel('Votre numéro de téléphone')
    .fill(`061${String(Date.now() % 10_000_000).padStart(7, '0')}`);
  await page.getByLabel('Santé (Ameli, téléconsultation)').check();
  await page.getByLabel('Votre code postal').fill('29200');
  await page.getByLabel(/J'accepte d'être rappelé/).check();
  await page.getByRole('button', { name: 'Demander à être rappelé' }).click();
  const reference = (await page.locator('.reference strong').textContent())!.trim();

  await signIn(page, email, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Numéros bloqués' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Numéros bloqués' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Référence de la demande' }).fill(reference);
  await page.getByRole('textbox', { name: 'Motif' }).fill('Appels injurieux répétés');
  await page.getByRole('button', { name: 'Bloquer ce numéro' }).press('Enter');
  await expect(page.getByText(/^Le 06 •• •• •• \d\d est bloqué\.$/)).toBeVisible();
  const row = page.getByRole('row', { name: /Appels injurieux répétés/ });
  await expect(row).toBeVisible();
  await expectNoWcagViolation(page);

  await row.getByRole('button', { name: /^Débloquer le 06/ }).press('Enter');
  await expect(page.getByText('Le numéro est débloqué.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Appels injurieux répétés/ })).toHaveCount(0);
});
