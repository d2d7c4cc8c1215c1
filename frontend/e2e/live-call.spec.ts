import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

// Accounts created for this run by the backend test that starts the platform (in simulator mode): a citizen's
// phone (any staff account has one) and a volunteer able to answer live calls from the postcode below.
const citizenEmail = process.env.PASSERELLE_E2E_CITIZEN_EMAIL ?? 'coordination@passerelle.demo';
const volunteerEmail = process.env.PASSERELLE_E2E_LIVE_VOLUNTEER_EMAIL ?? 'benevole.paris@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';
const postcode = process.env.PASSERELLE_E2E_LIVE_POSTCODE ?? '75001';

async function expectNoAxeViolation(page: Page) {
  const audit = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(audit.violations.map((v) => v.id)).toEqual([]);
}

async function trainingPhone(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/app/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bonjour /);
  await page.goto('/app/telephone');
  await expect(page.getByRole('heading', { level: 1, name: 'Téléphone d’entraînement' })).toBeVisible();
  return page;
}

async function press(page: Page, key: string) {
  await page.getByRole('button', { name: `Touche ${key}`, exact: true }).focus();
  await page.keyboard.press('Enter');
}

async function choosePresence(page: Page, button: string, presence: string) {
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Votre présence : ${presence}.`)).toBeVisible();
}

test('a caller waits on the line, and a volunteer picks up on the training phone and accepts with 1', async ({
  browser,
}) => {
  const volunteer = await trainingPhone(browser, volunteerEmail);
  await volunteer
    .getByRole('button', { name: 'Recevoir ces appels sur ce téléphone d’entraînement' })
    .focus();
  await volunteer.keyboard.press('Enter');
  await expect(
    volunteer.getByText('C’est fait : la plateforme appellera ce téléphone d’entraînement.'),
  ).toBeVisible();
  await choosePresence(volunteer, 'Me rendre disponible pour les appels', 'disponible');

  try {
    const citizen = await trainingPhone(browser, citizenEmail);
    await citizen.getByRole('button', { name: /^Appeler la ligne Passerelle/ }).focus();
    await citizen.keyboard.press('Enter');
    const citizenLog = citizen.getByRole('log', { name: 'Ce que dit la ligne' });
    await expect(citizenLog).toContainText('Pour CAF et prestations sociales, tapez 1.');
    await press(citizen, '1');
    await expect(citizenLog).toContainText('code postal');
    for (const key of postcode.split('')) {
      await press(citizen, key);
    }
    await expect(citizenLog).toContainText("Si c'est juste, tapez 1.");
    await press(citizen, '1');
    await expect(citizenLog).toContainText('Un bénévole va vous répondre.');
    await expect(citizen.getByText(/Vous attendez qu’un bénévole décroche/)).toBeVisible();
    await expectNoAxeViolation(citizen);

    await expect(volunteer.getByRole('heading', { name: 'Appel entrant' })).toBeVisible({ timeout: 20_000 });
    await expect(volunteer.getByText('Votre téléphone sonne : appel de 01 99 00 12 34.')).toBeVisible();
    await expectNoAxeViolation(volunteer);
    await volunteer.getByRole('button', { name: 'Décrocher' }).focus();
    await volunteer.keyboard.press('Enter');
    const volunteerLog = volunteer.getByRole('log', { name: 'Ce que dit la ligne' });
    await expect(volunteerLog).toContainText("Pour accepter l'appel, tapez 1.");
    await press(volunteer, '1');

    await expect(volunteer.getByText('Vous êtes en communication avec l’autre téléphone.')).toBeVisible();
    await expect(citizen.getByText('Vous êtes en communication avec l’autre téléphone.')).toBeVisible({
      timeout: 10_000,
    });
    await expect(citizenLog).toContainText('Je vous mets en relation avec un bénévole.');

    await volunteer.getByRole('button', { name: 'Raccrocher' }).focus();
    await volunteer.keyboard.press('Enter');
    await expect(citizenLog).toContainText('Appel terminé.', { timeout: 10_000 });
    await expectNoAxeViolation(citizen);
    await expectNoAxeViolation(volunteer);
  } finally {
    await choosePresence(volunteer, 'Me mettre hors ligne', 'hors ligne');
  }
});
