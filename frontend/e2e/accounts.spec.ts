import { expect, test } from '@playwright/test';

import { signIn } from './sign-in';
import { activate, expectNoAxeViolation } from './training-phone';

// An administrator and a volunteer created for this run by the backend test that starts the platform.
const adminEmail = process.env.PASSERELLE_E2E_ACCOUNTS_ADMIN_EMAIL ?? 'administration@passerelle.demo';
const managed = process.env.PASSERELLE_E2E_MANAGED_NAME ?? 'Lucas Bernard';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

test('an administrator makes a volunteer coordinator of a région, then deactivates the account, with the keyboard', async ({
  page,
}) => {
  await signIn(page, adminEmail, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Comptes' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Comptes' })).toBeFocused();

  await page.getByLabel(/Rechercher un compte/).fill(managed);
  const row = page.getByRole('row', { name: new RegExp(managed) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Bénévole');
  await expectNoAxeViolation(page);

  await activate(page, `Modifier le compte de ${managed}`);
  await expect(page.getByRole('heading', { level: 2, name: `Compte de ${managed}` })).toBeFocused();
  await page.getByLabel('Rôle').selectOption({ label: 'Coordination' });
  await page.getByLabel('Région', { exact: true }).selectOption({ label: 'Corse' });
  await expectNoAxeViolation(page);
  await activate(page, 'Enregistrer');
  await expect(page.getByRole('status')).toHaveText(`Compte de ${managed} enregistré.`);
  await expect(page.getByRole('button', { name: `Modifier le compte de ${managed}` })).toBeFocused();
  await expect(row).toContainText('Coordination');
  await expect(row).toContainText('Corse');

  await page.keyboard.press('Enter');
  const active = page.getByRole('checkbox', { name: 'Compte actif (peut se connecter)' });
  await active.focus();
  await page.keyboard.press('Space');
  await expect(active).not.toBeChecked();
  await activate(page, 'Enregistrer');
  await expect(page.getByRole('status')).toHaveText(`Compte de ${managed} enregistré.`);
  await expect(row).toContainText('Désactivé');

  // then invites a coordinator of a région, who will choose their own password
  const invited = `invitee-${Date.now()}@passerelle.test`;
  await activate(page, 'Inviter un coordinateur ou un administrateur');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Inviter un coordinateur ou un administrateur' }),
  ).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Prénom et nom')).toBeFocused();
  await page.keyboard.type('Camille Roux');
  await page.keyboard.press('Tab');
  await page.keyboard.type(invited);
  await page.getByLabel('Région', { exact: true }).selectOption({ label: 'Corse' });
  await expectNoAxeViolation(page);
  await activate(page, 'Envoyer l’invitation');
  await expect(page.getByRole('status')).toHaveText(`Invitation envoyée à ${invited}, valable 72 heures.`);
  await page.getByLabel(/Rechercher un compte/).fill('Camille Roux');
  await expect(page.getByRole('row', { name: /Camille Roux/ }).first()).toContainText(
    'Invitation envoyée, valable jusqu’au',
  );
});
