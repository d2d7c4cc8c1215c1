import { expect, test } from '@playwright/test';

import { activate, callForCaf, expectNoAxeViolation, trainingPhone } from './training-phone';

// Accounts created for this run by the backend test that starts the platform (in simulator mode): a citizen's
// phone (any staff account has one) and a volunteer serving the postcode below, offline when the citizen calls.
const citizenEmail = process.env.PASSERELLE_E2E_CALLBACK_CITIZEN_EMAIL ?? 'coordination@passerelle.demo';
const volunteerEmail =
  process.env.PASSERELLE_E2E_CALLBACK_VOLUNTEER_EMAIL ?? 'benevole.paris@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';
const postcode = process.env.PASSERELLE_E2E_LIVE_POSTCODE ?? '75001';

test('a citizen asks for a callback on the phone, and a volunteer calls them back from the training phone', async ({
  browser,
}) => {
  const citizen = await trainingPhone(browser, citizenEmail, password);
  const citizenLog = await callForCaf(citizen, postcode);
  await expect(citizenLog).toContainText('Votre demande de rappel est enregistrée.');
  const inbox = citizen.getByRole('region', { name: 'SMS reçus' });
  await expect(inbox.getByRole('listitem').first()).toContainText('Passerelle : votre demande', {
    timeout: 15_000,
  });

  const volunteer = await trainingPhone(browser, volunteerEmail, password);
  await activate(volunteer, 'Recevoir ces appels sur ce téléphone d’entraînement');
  await expect(
    volunteer.getByText('C’est fait : la plateforme appellera ce téléphone d’entraînement.'),
  ).toBeVisible();
  await activate(volunteer, 'Me rendre disponible pour les appels');
  try {
    const accept = volunteer.getByRole('button', { name: /^Accepter la demande / });
    await expect(accept).toBeVisible({ timeout: 20_000 });
    await expectNoAxeViolation(volunteer);
    await accept.focus();
    await volunteer.keyboard.press('Enter');
    await activate(volunteer, /^Appeler la personne de la demande /);
    await expect(volunteer.getByText(/Votre téléphone va sonner/)).toBeVisible();

    await expect(volunteer.getByRole('heading', { name: 'Appel entrant' })).toBeVisible({ timeout: 10_000 });
    await activate(volunteer, 'Décrocher');
    const volunteerLog = volunteer.getByRole('log', { name: 'Ce que dit la ligne' });
    await expect(volunteerLog).toContainText('Pour appeler la personne, tapez 1.');
    await activate(volunteer, 'Touche 1');
    await expect(volunteerLog).toContainText('Nous appelons la personne.');

    await expect(citizen.getByRole('heading', { name: 'Appel entrant' })).toBeVisible({ timeout: 10_000 });
    await expect(citizen.getByText('Votre téléphone sonne : appel de 01 99 00 12 34.')).toBeVisible();
    await activate(citizen, 'Décrocher');
    await expect(citizenLog).toContainText('ici Passerelle');
    await expect(citizen.getByText('Vous êtes en communication avec l’autre téléphone.')).toBeVisible();
    await expect(volunteer.getByText('Vous êtes en communication avec l’autre téléphone.')).toBeVisible({
      timeout: 10_000,
    });

    await activate(citizen, 'Raccrocher');
    await expect(volunteerLog).toContainText('Pensez à remplir le compte rendu', { timeout: 10_000 });
    await expectNoAxeViolation(volunteer);
  } finally {
    await activate(volunteer, 'Me mettre hors ligne');
    await expect(volunteer.getByText('Votre présence : hors ligne.')).toBeVisible();
  }
});
