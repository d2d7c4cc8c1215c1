import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

import { signIn } from './sign-in';

// What the telephony specs share: an axe-core audit, and a staff member's training phone in a browser of its own.

export async function expectNoAxeViolation(page: Page) {
  const audit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    audit.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

export { signIn } from './sign-in';

/** Signs in, in a new browser context, and opens the training phone. */
export async function trainingPhone(browser: Browser, email: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await page.goto('/app/telephone');
  await expect(page.getByRole('heading', { level: 1, name: 'Téléphone d’entraînement' })).toBeVisible();
  return page;
}

/** Presses a button with the keyboard. */
export async function activate(page: Page, name: string | RegExp) {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).focus();
  await page.keyboard.press('Enter');
}

/**
 * From a training phone, calls the hotline, chooses the first theme (CAF), types the postcode and confirms it; the
 * hotline then either records a callback request or puts the caller on hold. Returns what the line says.
 */
export async function callForCaf(page: Page, postcode: string) {
  await activate(page, /^Appeler la ligne Passerelle/);
  const log = page.getByRole('log', { name: 'Ce que dit la ligne' });
  await activate(page, 'Touche 1');
  await expect(log).toContainText('code postal');
  for (const key of postcode.split('')) {
    await activate(page, `Touche ${key}`);
  }
  await expect(log).toContainText("Si c'est juste, tapez 1.");
  await activate(page, 'Touche 1');
  return log;
}
