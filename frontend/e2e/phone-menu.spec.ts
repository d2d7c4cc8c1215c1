import { expect, test } from '@playwright/test';

import { signIn } from './sign-in';
import { activate, expectNoAxeViolation } from './training-phone';

// A national coordinator created for this run by the backend test that starts the platform.
const coordinator = process.env.PASSERELLE_E2E_MENU_EMAIL ?? 'coordination@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

test('a national coordinator rewords a theme of the phone menu, with the keyboard', async ({ page }) => {
  await signIn(page, coordinator, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Thèmes et menu téléphonique' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Thèmes et menu téléphonique' })).toBeFocused();
  const spoken = page.getByRole('region', { name: 'Ce que dit le menu' }).getByRole('listitem');
  await expect(spoken.filter({ hasText: 'tapez 3.' })).toHaveText('Pour Impôts, tapez 3.');
  await expectNoAxeViolation(page);

  // two themes on one key are refused beside the field
  const taxes = page.getByRole('group', { name: '3. Impôts' });
  const key = taxes.getByLabel('Touche');
  await key.focus();
  await key.selectOption('1');
  await activate(page, 'Enregistrer le menu');
  await expect(key).toHaveAccessibleDescription(
    /La touche 1 est déjà celle de « CAF & prestations sociales »/,
  );
  await expectNoAxeViolation(page);

  await key.selectOption('3');
  await taxes.getByLabel('Ce que dit le menu (facultatif)').focus();
  await page.keyboard.type('les impôts et la déclaration de revenus');
  await activate(page, 'Enregistrer le menu');
  await expect(page.getByRole('status')).toContainText('Menu enregistré');
  await expect(spoken.filter({ hasText: 'tapez 3.' })).toHaveText(
    'Pour les impôts et la déclaration de revenus, tapez 3.',
  );

  // as it was, for the other specs
  await page.getByRole('group', { name: '3. Impôts' }).getByLabel('Ce que dit le menu (facultatif)').fill('');
  await activate(page, 'Enregistrer le menu');
  await expect(spoken.filter({ hasText: 'tapez 3.' })).toHaveText('Pour Impôts, tapez 3.');
});

test('a national coordinator reads the callback policy and the routing delays, a bad delay refused beside it', async ({
  page,
}) => {
  await signIn(page, coordinator, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Rappels et délais' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Rappels et délais' })).toBeFocused();
  await expect(page.getByLabel('Tentatives avant de clore une demande « injoignable »')).toHaveValue('3');
  await expectNoAxeViolation(page);

  const offer = page
    .getByRole('group', { name: 'Personne en ligne' })
    .getByLabel('Secondes pour accepter une proposition');
  await offer.fill('5');
  await activate(page, 'Enregistrer les délais');
  await expect(offer).toHaveAccessibleDescription(/Une proposition dure de 10 secondes à 10 minutes\./);
  await expectNoAxeViolation(page);
});
