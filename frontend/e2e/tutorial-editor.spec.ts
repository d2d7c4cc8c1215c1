import { expect, test } from '@playwright/test';

import { expectNoAxeViolation, signIn } from './training-phone';

// A coordinator (created for this run by the backend test that starts the platform) writes a tutorial in the staff
// app, previews it, publishes it, and finds it on the citizen site.
const email = process.env.PASSERELLE_E2E_EDITOR_EMAIL ?? 'coordination@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test('a coordinator writes a tutorial, previews it and publishes it on the citizen site', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const title = `Imprimer un document depuis son téléphone ${stamp}`;
  await signIn(page, email, password);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Tutoriels' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tutoriels' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Publiés/ })).toContainText('Déclarer ses revenus en ligne');
  await expectNoAxeViolation(page);

  await page.getByRole('link', { name: 'Écrire un tutoriel' }).click();
  await page.getByLabel(/^Titre/).fill(title);
  await expect(page.getByLabel('Adresse de la page')).toHaveValue(
    /^imprimer-un-document-depuis-son-telephone-/,
  );
  await page.getByLabel('Lien court pour les SMS').fill(`i${stamp}`.slice(0, 12));
  await page.getByLabel('Thème').selectOption({ label: 'Messagerie & équipement' });
  await page
    .getByLabel(/^Résumé/)
    .fill('Envoyer une page à une imprimante, chez vous ou dans un lieu public.');
  await page.getByLabel('Avant de commencer').fill('- Une imprimante reliée au même Wi-Fi que le téléphone');
  await page
    .getByLabel('Les étapes')
    .fill('1. Ouvrez le document\n2. Touchez **Partager**, puis **Imprimer**');
  await page.getByLabel('Image', { exact: true }).setInputFiles({
    name: 'partager.png',
    mimeType: 'image/png',
    buffer: Buffer.from(ONE_PIXEL_PNG, 'base64'),
  });
  await page.getByLabel(/^Ce que montre l’image/).fill('Le bouton Partager');
  await page.getByRole('button', { name: 'Envoyer et ajouter à la fin des étapes' }).click();
  await expect(page.getByLabel('Les étapes')).toHaveValue(
    /!\[Le bouton Partager\]\(\/tutoriels\/images\/[0-9a-f]{32}\.jpg\)/,
  );
  await page.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier un tutoriel' })).toBeVisible();
  await expect(page.getByText('État : brouillon, version 1.')).toBeVisible();

  await page.getByRole('button', { name: 'Aperçu' }).click();
  const preview = page.getByRole('region', { name: 'Aperçu, tel que sur le site public' });
  await expect(preview.locator('strong', { hasText: 'Partager' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Historique des versions' });
  await expect(history.getByRole('listitem')).toHaveText([/^Version 1, le .+ : écrite ici par .+\.$/]);
  await expectNoAxeViolation(page);

  await page.getByRole('button', { name: 'Publier sur le site' }).click();
  await expect(page.getByText('État : publié, version 1.')).toBeVisible();
  const slug = new URL(page.url()).pathname.split('/').pop();
  await page.goto(`/tutoriels/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('img', { name: 'Le bouton Partager' })).toBeVisible();
  await page.goto(`/tutoriels/recherche?q=${encodeURIComponent(stamp)}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});
