import { expect, test } from '@playwright/test';

import { signIn } from './sign-in';
import { activate, expectNoAxeViolation } from './training-phone';

// A national coordinator created for this run by the backend test that starts the platform (whose clock stands on
// Monday 1 March 2027).
const coordinator = process.env.PASSERELLE_E2E_CALENDAR_EMAIL ?? 'coordination@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

test('a national coordinator announces an exceptional closure, then withdraws it, with the keyboard', async ({
  page,
}) => {
  await signIn(page, coordinator, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Horaires et fermetures' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Horaires et fermetures' })).toBeFocused();
  await expect(page.getByRole('group', { name: 'Plage 1' })).toBeVisible();
  await expectNoAxeViolation(page);

  // a day in the past is refused beside its field
  const first = page.getByLabel('Premier jour');
  await first.fill('2027-02-01');
  await activate(page, 'Ajouter');
  await expect(first).toHaveAccessibleDescription(/Ce jour est passé/);
  await expectNoAxeViolation(page);

  await first.fill('2027-12-24');
  await page.getByLabel('Dernier jour (laisser vide pour un seul jour)').fill('2027-12-26');
  await page.getByLabel(/Message lu au téléphone/).focus();
  await page.keyboard.type('La permanence est fermée pour les fêtes.');
  await activate(page, 'Ajouter');
  await expect(page.getByRole('status')).toHaveText('Ajoutée.');
  const row = page
    .getByRole('table', { name: 'Fermetures et ouvertures exceptionnelles à venir' })
    .getByRole('row', { name: /Fermeture/ });
  await expect(row).toContainText('du vendredi 24 décembre 2027 au dimanche 26 décembre 2027');
  await expect(row).toContainText('La permanence est fermée pour les fêtes.');
  await expectNoAxeViolation(page);

  await activate(page, /^Retirer : Fermeture/);
  await expect(page.getByRole('status').filter({ hasText: 'Retirée.' })).toBeVisible();
  await expect(page.getByText('Aucune à venir.')).toBeVisible();
});
