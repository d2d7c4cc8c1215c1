import { expect, test } from '@playwright/test';

import { signIn } from './sign-in';
import { activate, expectNoAxeViolation } from './training-phone';

// A national coordinator created for this run by the backend test that starts the platform.
const coordinator = process.env.PASSERELLE_E2E_WORKLIST_EMAIL ?? 'coordination@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

const randomPhone = () => `061${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;

test('a coordinator finds a waiting callback in the worklist, prioritises it, takes it to call back, then cancels it, with the keyboard', async ({
  page,
}) => {
  // a citizen of the Lozère asks for a callback on the site
  await page.goto('/rappel');
  await page.getByLabel('Votre numéro de téléphone').fill(randomPhone());
  await page.getByLabel('Impôts').check();
  await page.getByLabel('Votre code postal').fill('48000');
  await page.getByLabel(/J'accepte d'être rappelé/).check();
  await page.getByRole('button', { name: 'Demander à être rappelé' }).click();
  const reference = (await page.locator('.reference strong').textContent())!.trim();

  await signIn(page, coordinator, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });

  // a phone to call back from, on "Mon compte"
  await navigation.getByRole('link', { name: 'Mon compte' }).focus();
  await page.keyboard.press('Enter');
  const callPhone = page.getByRole('region', { name: 'Téléphone pour rappeler les personnes' });
  await callPhone.getByLabel('Numéro de téléphone').focus();
  await page.keyboard.type('12');
  await activate(page, 'Enregistrer ce téléphone');
  await expect(callPhone.getByLabel('Numéro de téléphone')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolation(page);
  await callPhone.getByLabel('Numéro de téléphone').fill(randomPhone());
  await activate(page, 'Enregistrer ce téléphone');
  await expect(callPhone.getByText(/La plateforme vous appelle au 06/)).toBeVisible();

  await navigation.getByRole('link', { name: 'Demandes en attente' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Demandes en attente' })).toBeFocused();
  await page.getByLabel('Département').focus();
  await page.getByLabel('Département').selectOption('48');
  const link = page.getByRole('link', { name: reference });
  await expect(link).toBeVisible();
  await expectNoAxeViolation(page);

  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Demande ${reference}` })).toBeFocused();
  await expectNoAxeViolation(page);
  await activate(page, 'Prioriser');
  await expect(page.getByText(/Demande prioritaire/)).toBeVisible();
  await expect(page.getByText('Priorisée par la coordination')).toBeVisible();

  // taken to call back: in the coordinator's console, with the button that rings their phone
  await activate(page, 'Prendre la demande pour rappeler');
  await expect(page.getByText('La demande est dans votre console.')).toBeVisible();
  await page.getByRole('link', { name: 'Ouvrir la console' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Demande en cours : ${reference}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Appeler la personne' })).toBeVisible();
  await expectNoAxeViolation(page);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: `Demande ${reference}` })).toBeVisible();

  // a reason is required
  await activate(page, 'Annuler la demande');
  await expect(page.getByLabel('Motif (obligatoire)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolation(page);
  await page.getByLabel('Motif (obligatoire)').focus();
  await page.keyboard.type('Doublon d’une demande faite par téléphone');
  await activate(page, 'Annuler la demande');
  await expect(page.getByText('Demande annulée.')).toBeVisible();
  await expect(page.getByText('Annulée', { exact: true }).first()).toBeVisible();
});
