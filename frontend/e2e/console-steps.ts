import { expect, type Browser, type Page } from '@playwright/test';

import { signIn } from './training-phone';

// What the console specs share: opening the console and answering its controls with the keyboard.

/** Signs in, in a new browser context, and opens the console, with the keyboard only. */
export async function openConsole(browser: Browser, email: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await navigation.getByRole('link', { name: 'Console' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Console' })).toBeVisible();
  await expect(page.getByText('En direct : la console se met à jour toute seule.')).toBeVisible();
  return page;
}

export async function choose(page: Page, name: string) {
  await page.getByRole('radio', { name }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name })).toBeChecked();
  // an available volunteer may be offered a request at once, and be busy by the time the page shows it
  const shown = name === 'Disponible' ? /^Actuellement : (Disponible|Occupé·e)$/ : `Actuellement : ${name}`;
  await expect(page.getByText(shown)).toBeVisible();
}

/** Ticks a box or picks a choice of the outcome form with the space bar. */
export async function tick(page: Page, role: 'checkbox' | 'radio', name: string) {
  await page.getByRole(role, { name }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole(role, { name })).toBeChecked();
}
