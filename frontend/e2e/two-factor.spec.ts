import { expect, test } from '@playwright/test';

import { signIn, totp } from './sign-in';
import { activate, expectNoAxeViolation } from './training-phone';

// A coordinator created for this run without two-factor authentication, by the backend test that starts the platform.
const email = process.env.PASSERELLE_E2E_NEW_COORDINATOR_EMAIL ?? 'nouvelle.coordination@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

test('a new coordinator must set up two-factor authentication first, then signs in with a recovery code, with the keyboard', async ({
  page,
}) => {
  await signIn(page, email, password, /^Mon compte$/);
  await expect(page.getByText(/doit être protégé par une double authentification/)).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(navigation.getByRole('link')).toHaveText(['Mon compte']);
  await expectNoAxeViolation(page);

  await activate(page, 'Configurer la double authentification');
  await expect(page.getByText(/^1\. Installez sur votre téléphone/)).toBeFocused();
  await expect(page.getByRole('img', { name: /QR code de la clé/ })).toBeVisible();
  const key = ((await page.getByTestId('two-factor-key').textContent()) ?? '').replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolation(page);

  const code = page.getByLabel(/Code affiché par l’application/);
  await code.fill(totp(key) === '000000' ? '111111' : '000000');
  await code.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/Ce code ne correspond pas à la clé affichée/);
  await code.fill(totp(key));
  await code.press('Enter');

  await expect(page.getByRole('heading', { level: 3, name: 'Vos codes de secours' })).toBeFocused();
  const codes = page.getByRole('list', { name: /chacun utilisable une seule fois/ }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent()) ?? '';
  await expectNoAxeViolation(page);
  await activate(page, 'J’ai noté mes codes');
  await expect(page.getByText('Activée. Codes de secours inutilisés : 10.')).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Accueil' })).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
  const asked = page.getByLabel(/Code de vérification/);
  await expect(asked).toBeFocused();
  await expect(page.getByRole('status')).toHaveText(/Saisissez le code à six chiffres/);
  await expectNoAxeViolation(page);
  await asked.fill(recovery);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour /);
});
