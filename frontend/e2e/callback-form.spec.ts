import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const randomPhone = () => `061${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;

async function fillValidForm(page: Page) {
  await page.getByLabel('Votre numéro de téléphone').fill(randomPhone());
  await page.getByLabel('Santé (Ameli, téléconsultation)').check();
  await page.getByLabel('Votre code postal').fill('29200');
  await page.getByLabel('Votre prénom (facultatif)').fill('Yvette');
  await page.getByLabel('Le matin (9 h – 12 h)').check();
  await page.getByLabel(/J'accepte d'être rappelé/).check();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a citizen asks to be called back from the home page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Demander à être rappelé' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Être rappelé par un médiateur');

    await page.getByRole('button', { name: 'Demander à être rappelé' }).click();
    await expect(page.getByRole('heading', { name: 'Il y a un problème' })).toBeVisible();
    await expect(page.locator('.error-summary a')).toHaveText([
      'Indiquez le numéro de téléphone auquel vous rappeler.',
      'Choisissez un thème dans la liste.',
      /n'est pas un code postal/,
      "Cochez la case pour accepter d'être rappelé.",
    ]);

    await fillValidForm(page);
    await page.getByRole('button', { name: 'Demander à être rappelé' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande est enregistrée');
    await expect(page.locator('.reference strong')).toHaveText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  });
});

test('every state of the callback form passes axe-core WCAG 2.1 AA', async ({ page }) => {
  const audit = async () => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  };
  await page.goto('/rappel');
  await audit();
  await page.getByRole('button', { name: 'Demander à être rappelé' }).click();
  await expect(page.getByRole('heading', { name: 'Il y a un problème' })).toBeVisible();
  await audit();
  await fillValidForm(page);
  await page.getByRole('button', { name: 'Demander à être rappelé' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande est enregistrée');
  await audit();
});
