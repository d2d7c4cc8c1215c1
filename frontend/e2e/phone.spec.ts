import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { signIn } from './sign-in';

// A volunteer account created for this run by the backend test that starts the platform (in simulator mode).
const email = process.env.PASSERELLE_E2E_VOLUNTEER_EMAIL ?? 'benevole.paris@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

async function expectNoAxeViolation(page: Page) {
  const audit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(audit.violations.map((v) => v.id)).toEqual([]);
}

async function pressKey(page: Page, key: string) {
  await page.getByRole('button', { name: `Touche ${key}`, exact: true }).focus();
  await page.keyboard.press('Enter');
}

test('a volunteer calls the hotline from the training phone, with the keyboard, and gets the text', async ({
  page,
}) => {
  await signIn(page, email, password);

  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Téléphone d’entraînement' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Téléphone d’entraînement' })).toBeFocused();
  await expect(page.getByText(/^Numéro de ce téléphone : 06 1/)).toBeVisible();
  await expectNoAxeViolation(page);

  await page.getByRole('button', { name: /^Appeler la ligne Passerelle/ }).focus();
  await page.keyboard.press('Enter');
  const log = page.getByRole('log', { name: 'Ce que dit la ligne' });
  await expect(log).toContainText('Pour CAF et prestations sociales, tapez 1.');
  await expect(page.getByText('La ligne attend 1 touche(s).')).toBeVisible();
  await expectNoAxeViolation(page);

  await pressKey(page, '1');
  await expect(log).toContainText('Tapez maintenant les cinq chiffres de votre code postal.');
  for (const key of ['3', '5', '0', '0', '0']) {
    await pressKey(page, key);
  }
  await expect(log).toContainText('Vous avez tapé 3, 5, 0, 0, 0. Rennes.');
  await pressKey(page, '1');
  await expect(log).toContainText('Votre demande de rappel est enregistrée.');
  await expect(log).toContainText('Appel terminé.');

  const inbox = page.getByRole('region', { name: 'SMS reçus' });
  await expect(inbox.getByRole('listitem').first()).toContainText('Passerelle : votre demande', {
    timeout: 15_000,
  });
  await expectNoAxeViolation(page);
});
