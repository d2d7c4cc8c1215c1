import { expect, test } from '@playwright/test';

import { signIn } from './sign-in';
import { activate, expectNoAxeViolation } from './training-phone';

// A coordinator of Normandie and an approved volunteer of the Calvados, created for this run by the backend test
// that starts the platform.
const coordinator = process.env.PASSERELLE_E2E_FILES_COORDINATOR_EMAIL ?? 'coordination@passerelle.demo';
const filed = process.env.PASSERELLE_E2E_FILED_NAME ?? 'Jeanne Martin';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

test('a coordinator sets a volunteer’s profile and shifts and vouches for their training, with the keyboard', async ({
  page,
}) => {
  await signIn(page, coordinator, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Bénévoles' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Bénévoles' })).toBeFocused();
  await page.getByLabel('Rechercher un nom').fill(filed);
  const row = page.getByRole('row', { name: new RegExp(filed) });
  await expect(row).toContainText('En formation');
  await expectNoAxeViolation(page);

  await row.getByRole('link', { name: filed }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Fiche de ${filed}` })).toBeFocused();

  // the profile: one more theme, two requests at once, the whole région
  const themes = page.getByRole('group', { name: 'Thèmes sur lesquels il ou elle aide' });
  await themes.getByRole('checkbox', { name: 'Impôts' }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Demandes en même temps').selectOption('2');
  await page.getByRole('checkbox', { name: 'Toute la région Normandie' }).focus();
  await page.keyboard.press('Space');
  await expectNoAxeViolation(page);
  await activate(page, 'Enregistrer le profil');
  await expect(page.getByRole('status')).toHaveText('Profil enregistré.');

  // the shifts: two that overlap are refused beside the second, then one is enough
  await activate(page, 'Ajouter un créneau');
  await activate(page, 'Ajouter un créneau');
  await activate(page, 'Enregistrer les créneaux');
  const second = page.getByRole('group', { name: 'Créneau 2' });
  await expect(second).toHaveAccessibleDescription(/se chevauchent/);
  await expectNoAxeViolation(page);
  await activate(page, 'Retirer le créneau 2');
  await activate(page, 'Enregistrer les créneaux');
  await expect(page.getByRole('status').filter({ hasText: 'Créneaux enregistrés.' })).toBeVisible();

  // the training, done in person
  await page.getByLabel('Comment la formation a été faite').focus();
  await page.keyboard.type('Atelier à la médiathèque de Caen');
  await activate(page, 'Valider la formation faite en personne');
  await expect(page.getByText(/Validée en personne par Coordination Normandie E2E/)).toBeVisible();
  await expectNoAxeViolation(page);
});
