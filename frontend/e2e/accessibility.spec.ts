import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoWcagViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

test('the citizen home page passes axe-core WCAG 2.1 AA', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "Besoin d'aide pour une démarche en ligne ?",
  );
  await expectNoWcagViolation(page);
});

test('the accessibility statement passes axe-core WCAG 2.1 AA', async ({ page }) => {
  await page.goto('/accessibilite');
  await expectNoWcagViolation(page);
});

test('the privacy notice passes axe-core WCAG 2.1 AA', async ({ page }) => {
  await page.goto('/donnees-personnelles');
  await expect(page.getByRole('heading', { level: 1, name: 'Vos données personnelles' })).toBeVisible();
  await expectNoWcagViolation(page);
});

test('the open data page passes axe-core WCAG 2.1 AA', async ({ page }) => {
  await page.goto('/donnees');
  await expect(page.getByRole('heading', { level: 1, name: 'Données ouvertes' })).toBeVisible();
  await expectNoWcagViolation(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the open data page leads to its file', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Données ouvertes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Données ouvertes' })).toBeVisible();
    const href = await page
      .getByRole('link', { name: /Télécharger l’activité|Télécharger l'activité/ })
      .getAttribute('href');
    const file = await page.request.get(href!);
    expect(file.ok()).toBe(true);
    expect((await file.text()).split('\r\n')[0]).toBe(
      'jour,region_code,region,theme_code,theme,appels,demandes_de_rappel,appels_repondus',
    );
  });
});

test('the staff sign-in page passes axe-core WCAG 2.1 AA', async ({ page }) => {
  await page.goto('/app/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expectNoWcagViolation(page);
});

test('the forgotten-password page is keyboard-usable, says the same for any address and passes axe-core', async ({
  page,
}) => {
  await page.goto('/app/login');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();
  await expectNoWcagViolation(page);

  await page.getByLabel('Adresse e-mail').focus();
  await page.keyboard.type('personne.inconnue@example.org');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Si un compte Passerelle existe pour cette adresse/)).toBeVisible();
  await expectNoWcagViolation(page);
});

test('the new-password page refuses a made-up link clearly and passes axe-core', async ({ page }) => {
  await page.goto('/app/nouveau-mot-de-passe#' + 'A'.repeat(43));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }),
  ).toBeVisible();
  await expectNoWcagViolation(page);

  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('un mot de passe bien long');
  await page.getByLabel('Confirmez le nouveau mot de passe').fill('un mot de passe bien long');
  await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).press('Enter');
  await expect(page.getByText(/Ce lien n'est plus valable/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible();
  await expectNoWcagViolation(page);
});

test('the invitation page refuses a made-up link clearly and passes axe-core', async ({ page }) => {
  await page.goto('/app/invitation#' + 'B'.repeat(43));
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue sur Passerelle' })).toBeVisible();
  await expectNoWcagViolation(page);

  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('un mot de passe bien long');
  await page.getByLabel('Confirmez le nouveau mot de passe').fill('un mot de passe bien long');
  await page.getByRole('button', { name: 'Choisir ce mot de passe' }).press('Enter');
  await expect(page.getByText(/Cette invitation n'est plus valable/)).toBeVisible();
  await expectNoWcagViolation(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the citizen home page is complete, light and keyboard-navigable', async ({ page }) => {
    let bytes = 0;
    page.on('response', (response) => {
      // a body still arriving when the test ends is not counted (nor an error)
      response.body().then(
        (body) => {
          bytes += body.length;
        },
        () => undefined,
      );
    });
    await page.goto('/', { waitUntil: 'load' });

    await expect(page.getByRole('link', { name: /01\s99\s00\s12\s34/ })).toHaveAttribute(
      'href',
      'tel:+33199001234',
    );
    await expect(page.getByText('Du lundi au vendredi, de 9 h à 18 h')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    expect(bytes).toBeLessThan(150 * 1024);
  });
});
