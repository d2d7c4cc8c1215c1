import { expect, test, type Page } from '@playwright/test';

import { activate, expectNoAxeViolation, trainingPhone } from './training-phone';

// Accounts created for this run by the backend test that starts the platform (in simulator mode): a citizen's
// phone (any staff account has one) and a volunteer able to answer live calls from the postcode below.
const citizenEmail = process.env.PASSERELLE_E2E_CITIZEN_EMAIL ?? 'coordination@passerelle.demo';
const volunteerEmail = process.env.PASSERELLE_E2E_LIVE_VOLUNTEER_EMAIL ?? 'benevole.paris@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';
const postcode = process.env.PASSERELLE_E2E_LIVE_POSTCODE ?? '75001';

async function choosePresence(page: Page, button: string, presence: string) {
  await activate(page, button);
  await expect(page.getByText(`Votre présence : ${presence}.`)).toBeVisible();
}

test('a caller waits on the line, and a volunteer picks up on the training phone and accepts with 1', async ({
  browser,
}) => {
  const volunteer = await trainingPhone(browser, volunteerEmail, password);
  await activate(volunteer, 'Recevoir ces appels sur ce téléphone d’entraînement');
  await expect(
    volunteer.getByText('C’est fait : la plateforme appellera ce téléphone d’entraînement.'),
  ).toBeVisible();
  await choosePresence(volunteer, 'Me rendre disponible pour les appels', 'disponible');

  try {
    const citizen = await trainingPhone(browser, citizenEmail, password);
    await activate(citizen, /^Appeler la ligne Passerelle/);
    const citizenLog = citizen.getByRole('log', { name: 'Ce que dit la ligne' });
    await expect(citizenLog).toContainText('Pour CAF et prestations sociales, tapez 1.');
    await activate(citizen, 'Touche 1');
    await expect(citizenLog).toContainText('code postal');
    for (const key of postcode.split('')) {
      await activate(citizen, `Touche ${key}`);
    }
    await expect(citizenLog).toContainText("Si c'est juste, tapez 1.");
    await activate(citizen, 'Touche 1');
    await expect(citizenLog).toContainText('Un bénévole va vous répondre.');
    await expect(citizen.getByText(/Vous attendez qu’un bénévole décroche/)).toBeVisible();
    await expectNoAxeViolation(citizen);

    await expect(volunteer.getByRole('heading', { name: 'Appel entrant' })).toBeVisible({ timeout: 20_000 });
    await expect(volunteer.getByText('Votre téléphone sonne : appel de 01 99 00 12 34.')).toBeVisible();
    await expectNoAxeViolation(volunteer);
    await activate(volunteer, 'Décrocher');
    const volunteerLog = volunteer.getByRole('log', { name: 'Ce que dit la ligne' });
    await expect(volunteerLog).toContainText("Pour accepter l'appel, tapez 1.");
    await activate(volunteer, 'Touche 1');

    await expect(volunteer.getByText('Vous êtes en communication avec l’autre téléphone.')).toBeVisible();
    await expect(citizen.getByText('Vous êtes en communication avec l’autre téléphone.')).toBeVisible({
      timeout: 10_000,
    });
    await expect(citizenLog).toContainText('Je vous mets en relation avec un bénévole.');

    await activate(volunteer, 'Raccrocher');
    await expect(citizenLog).toContainText('Appel terminé.', { timeout: 10_000 });
    await expectNoAxeViolation(citizen);
    await expectNoAxeViolation(volunteer);
  } finally {
    await choosePresence(volunteer, 'Me mettre hors ligne', 'hors ligne');
  }
});
