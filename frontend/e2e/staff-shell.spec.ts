import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

import { answerCodeIfAsked } from './sign-in';

// A coordinator account created for this run by the backend test that starts the platform.
const email = process.env.PASSERELLE_E2E_EMAIL ?? 'coordination@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';
const newPassword = `${password} renouvelé`;

test('a coordinator signs in, sees the shell, changes password and signs out, with the keyboard', async ({
  page,
}) => {
  await page.goto('/app/');
  await expect(page).toHaveURL(/\/app\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeFocused();

  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');

  await answerCodeIfAsked(page, email);
  await expect(page.getByText('Votre rôle : Coordination')).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(navigation.getByRole('link')).toHaveText([
    'Accueil',
    'Console',
    'Téléphone d’entraînement',
    'Tutoriels',
    'Tableau de bord',
    'Statistiques',
    'Demandes en attente',
    'Inscriptions',
    'Bénévoles',
    'Horaires et fermetures',
    'Thèmes et menu téléphonique',
    'Rappels et délais',
    'Numéros bloqués',
    'Textes des SMS',
    'Droits des personnes',
    'Mon compte',
  ]);
  const shellAudit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(shellAudit.violations.map((v) => v.id)).toEqual([]);

  // a national coordinator words the texts sent to citizens
  await navigation.getByRole('link', { name: 'Textes des SMS' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Textes des SMS' })).toBeFocused();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Confirmation de demande de rappel' }),
  ).toBeVisible();
  const smsAudit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(smsAudit.violations.map((v) => v.id)).toEqual([]);

  await navigation.getByRole('link', { name: 'Mon compte' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeFocused();
  await expect(page.getByText(email)).toBeVisible();
  const accountAudit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(accountAudit.violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel('Mot de passe actuel').fill('not the current password');
  await page.getByLabel(/^Nouveau mot de passe/).fill(newPassword);
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/Le mot de passe actuel est incorrect\./);

  await page.getByLabel('Mot de passe actuel').fill(password);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).press('Enter');
  await expect(page.getByRole('status')).toHaveText(/Votre mot de passe a été changé\./);

  await page.getByRole('button', { name: 'Se déconnecter' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByText('Vous êtes déconnecté·e.')).toBeVisible();
  await page.goto('/app/compte');
  await expect(page).toHaveURL(/\/app\/login$/);

  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');

  await page.getByLabel('Mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await answerCodeIfAsked(page, email);
});
