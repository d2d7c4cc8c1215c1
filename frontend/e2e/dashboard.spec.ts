import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { signIn } from './sign-in';

// A coordinator of Centre-Val de Loire, created for this run by the backend test that starts the platform, which
// also has a citizen call the hotline from Tours when asked (POST /call next to the mailbox).
const email = process.env.PASSERELLE_E2E_DASHBOARD_EMAIL;
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';
const harness = process.env.PASSERELLE_E2E_MAILBOX;

async function expectNoViolations(page: Page) {
  const audit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(audit.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
}

test('a coordinator sees a call arrive live on the wallboard, reads last month, switches a chart to its table and exports a CSV, with the keyboard', async ({
  page,
}) => {
  test.skip(email === undefined || harness === undefined, 'needs the platform started by the backend test');
  await signIn(page, email!, password);
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });

  await navigation.getByRole('link', { name: 'Tableau de bord' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tableau de bord – Centre-Val de Loire' }),
  ).toBeFocused();
  await expect(page.getByText('En direct')).toBeVisible();
  const now = page.getByRole('region', { name: 'Maintenant', exact: true });
  const callbacksDue = now
    .getByText('Rappels à faire', { exact: true })
    .locator('xpath=following-sibling::dd[1]');
  const before = Number(await callbacksDue.textContent());

  // a citizen calls from Tours, nobody can take the call now: it becomes a callback request, on screen at once
  expect((await fetch(`${harness}call`, { method: 'POST' })).ok).toBe(true);
  await expect(callbacksDue).toHaveText(String(before + 1), { timeout: 15_000 });
  await expect(
    page.getByRole('table', { name: 'Par département' }).getByRole('row', { name: /Indre-et-Loire/ }),
  ).toContainText(String(before + 1));

  // a figure's definition, on demand
  const today = page.getByRole('region', { name: 'Aujourd’hui', exact: true });
  await today.getByText("Définition : Taux d'abandon").focus();
  await page.keyboard.press('Enter');
  await expect(
    today.getByText('Appels abandonnés ÷ (appels mis en attente − abandons courts).'),
  ).toBeVisible();
  await expectNoViolations(page);

  await navigation.getByRole('link', { name: 'Statistiques' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistiques' })).toBeFocused();
  await page.getByRole('button', { name: 'Mois dernier' }).focus();
  await page.keyboard.press('Enter');
  const summary = page.getByRole('table', { name: 'Synthèse', exact: true });
  await expect(summary.getByRole('columnheader', { name: /Valeur \(1(er)? / })).toBeVisible();
  await expect(summary.getByRole('row', { name: /Taux d'abandon/ })).toContainText('Appels abandonnés ÷');

  const byDay = page.getByRole('region', { name: 'Par jour', exact: true });
  await byDay.getByRole('button', { name: 'Afficher le tableau : Par jour' }).focus();
  await page.keyboard.press('Enter');
  await expect(byDay.getByRole('table', { name: 'Jour', exact: true })).toBeVisible();
  await expect(byDay.getByRole('button', { name: 'Afficher le graphique : Par jour' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const download = page.waitForEvent('download');
  await byDay.getByRole('link', { name: 'Exporter en CSV : Par jour' }).focus();
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^passerelle-jours-24-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1).split('\r\n')[0]).toMatch(/^jour;appels reçus;appels mis en attente;/);
  await expectNoViolations(page);

  // the map of the départements, then its table
  const byDepartement = page.getByRole('region', { name: 'Par département', exact: true });
  await expect(byDepartement.getByRole('img', { name: 'Demandes par département' })).toBeVisible();
  await expectNoViolations(page);
});
