import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// An administrator created for this run by the backend test that starts the platform.
const email = process.env.PASSERELLE_E2E_ADMIN_EMAIL ?? 'admin@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

test('an administrator finds their own sign-in in the audit log, with the keyboard', async ({ page }) => {
  await page.goto('/app/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour /);

  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Journal d’audit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Journal d’audit' })).toBeFocused();

  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Connexion' });
  await page.getByRole('textbox', { name: 'Qui' }).fill(email);
  await page.getByRole('textbox', { name: 'Qui' }).press('Enter');
  const table = page.getByRole('table', { name: /des plus récentes aux plus anciennes/ });
  await expect(table.getByRole('row', { name: /Connexion/ }).first()).toContainText(email);

  const audit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
