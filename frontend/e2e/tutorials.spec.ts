import { expect, test, type Response } from '@playwright/test';

import { expectNoAxeViolation } from './training-phone';

// The tutorials library on the citizen site: axe-core on each kind of page, and the whole visit (browse, search,
// read, say it helped) with JavaScript off, weighing what the browser downloads.

test('every kind of tutorial page passes axe-core WCAG 2.1 AA', async ({ page }) => {
  for (const path of [
    '/tutoriels',
    '/tutoriels/recherche?q=imp%C3%B4ts',
    '/tutoriels/recherche?q=zzyzx',
    '/tutoriels/declarer-ses-revenus',
    '/tutoriels/declarer-ses-revenus?avis=merci',
    '/tutoriels/declarer-ses-revenus/imprimer',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolation(page);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a citizen finds a tutorial by searching, reads it and says it helped, on a light page', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Tutoriels pas à pas' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tutoriels pas à pas');

    await page.getByLabel('Rechercher un tutoriel').fill('impots');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toContainText('pour « impots »');

    let bytes = 0;
    const weigh = async (response: Response) => {
      if (response.status() < 300 || response.status() >= 400) {
        // a response the page navigated away from has no body to weigh any more
        const body = await response.body().catch(() => undefined);
        bytes += body?.length ?? 0;
      }
    };
    page.on('response', weigh);
    await page.getByRole('link', { name: 'Déclarer ses revenus en ligne' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclarer ses revenus en ligne');
    await expect(page.getByRole('heading', { name: 'Les étapes' })).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'impots.gouv.fr, votre espace particulier' }),
    ).toHaveAttribute('href', 'https://www.impots.gouv.fr');
    await expect(page.getByRole('link', { name: 'CC BY-SA 4.0' })).toBeVisible();
    page.off('response', weigh);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(150 * 1024);

    await page.getByRole('button', { name: 'Oui' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Merci pour votre avis')).toBeVisible();
  });
});
