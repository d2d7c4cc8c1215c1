import { expect, test } from '@playwright/test';

import { choose, openConsole } from '../e2e/console-steps';
import { signIn } from '../e2e/sign-in';

// Writes docs/screenshots/*.png from the demo: a citizen has just asked for a callback on the site and a volunteer
// of Lyon is available, so that the wallboard shows the service live beside the demo's weeks of history.
const password = 'passerelle-demo';
const folder = '../docs/screenshots';

test('the wallboard and last month’s statistics, for the README', async ({ browser, page }) => {
  await page.goto('/rappel');
  await page
    .getByLabel('Votre numéro de téléphone')
    .fill(`075${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`);
  await page.getByLabel('Santé (Ameli, téléconsultation)').check();
  await page.getByLabel('Votre code postal').fill('29200');
  await page.getByLabel('Le matin (9 h – 12 h)').check();
  await page.getByLabel(/J'accepte d'être rappelé/).check();
  await page.getByRole('button', { name: 'Demander à être rappelé' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande est enregistrée');

  const volunteer = await openConsole(browser, 'benevole.lyon@passerelle.demo', password);
  await choose(volunteer, 'Disponible');

  const coordinator = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(coordinator, 'coordination@passerelle.demo', password);
  await coordinator.goto('/app/tableau-de-bord');
  await expect(coordinator.getByText('En direct')).toBeVisible();
  await expect(coordinator.getByRole('table', { name: 'Par région' })).toBeVisible();
  await coordinator.screenshot({ path: `${folder}/tableau-de-bord.png` });

  await coordinator.goto('/app/statistiques');
  await coordinator.getByRole('button', { name: 'Mois dernier' }).click();
  await expect(
    coordinator
      .getByRole('table', { name: 'Synthèse', exact: true })
      .getByRole('row', { name: /Taux d'abandon/ }),
  ).toBeVisible();
  // the summary's first figures, each beside its definition
  const summary = await coordinator.getByRole('table', { name: 'Synthèse', exact: true }).boundingBox();
  await coordinator.screenshot({
    path: `${folder}/statistiques.png`,
    fullPage: true,
    clip: { x: summary!.x - 8, y: summary!.y - 64, width: summary!.width + 16, height: 760 },
  });
  await coordinator
    .getByRole('region', { name: 'Par jour', exact: true })
    .screenshot({ path: `${folder}/statistiques-par-jour.png` });
  await coordinator
    .getByRole('region', { name: 'Par heure de la semaine', exact: true })
    .screenshot({ path: `${folder}/statistiques-par-heure.png` });
  const byDepartement = coordinator.getByRole('region', { name: 'Par département', exact: true });
  await expect(byDepartement.getByRole('img', { name: 'Demandes par département' })).toBeVisible();
  await byDepartement.screenshot({ path: `${folder}/statistiques-carte.png` });
});
