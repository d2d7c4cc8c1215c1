import { expect, test } from '@playwright/test';

import { choose, openConsole, tick } from './console-steps';
import { activate, callForCaf, expectNoAxeViolation, trainingPhone } from './training-phone';

// Accounts created for this run by the backend test that starts the platform (in simulator mode): a caller, and
// two volunteers of the Hautes-Alpes (where no other test sends requests), offline at first.
const citizenEmail = process.env.PASSERELLE_E2E_CONSOLE_CITIZEN_EMAIL ?? 'coordination@passerelle.demo';
const volunteerEmail = process.env.PASSERELLE_E2E_CONSOLE_VOLUNTEER_EMAIL ?? 'benevole.paris@passerelle.demo';
const colleagueEmail = process.env.PASSERELLE_E2E_CONSOLE_COLLEAGUE_EMAIL ?? 'benevole.lyon@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';
const postcode = process.env.PASSERELLE_E2E_CONSOLE_POSTCODE ?? '75001';

test('a volunteer answers a request from the console, and a colleague sees the queue move', async ({
  browser,
}) => {
  // the volunteer's phone, for the callback: the training phone of their account
  const phone = await trainingPhone(browser, volunteerEmail, password);
  await activate(phone, 'Recevoir ces appels sur ce téléphone d’entraînement');
  await expect(
    phone.getByText('C’est fait : la plateforme appellera ce téléphone d’entraînement.'),
  ).toBeVisible();

  const volunteer = await openConsole(browser, volunteerEmail, password);
  const colleague = await openConsole(browser, colleagueEmail, password);
  await expect(volunteer.getByText(/ne lui demandez jamais ses mots de passe/)).toBeVisible();
  await expectNoAxeViolation(volunteer);
  const callbacksDue = colleague.getByTestId('callbacks-due');
  await expect(callbacksDue).toHaveText('0');

  // nobody is available: the caller leaves a callback request
  const citizen = await trainingPhone(browser, citizenEmail, password);
  const citizenLog = await callForCaf(citizen, postcode);
  await expect(citizenLog).toContainText('Votre demande de rappel est enregistrée.');

  // the colleague's console counts it at once
  await expect(callbacksDue).toHaveText('1', { timeout: 5_000 });
  await expectNoAxeViolation(colleague);

  await choose(volunteer, 'Disponible');
  try {
    const offer = volunteer.getByRole('region', { name: /^Demande proposée/ });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await expect(offer).toContainText(`${postcode} (département 05)`);
    await expect(offer.getByText(/Encore \d+ s pour répondre/)).toBeVisible();
    await expectNoAxeViolation(volunteer);
    await offer.getByRole('button', { name: 'Accepter' }).focus();
    await volunteer.keyboard.press('Enter');

    await expect(volunteer.getByRole('heading', { name: /^Demande en cours : / })).toBeVisible();
    await expect(volunteer.getByText('Actuellement : Occupé·e')).toBeVisible();
    await expect(callbacksDue).toHaveText('0', { timeout: 5_000 });
    await expectNoAxeViolation(volunteer);

    // a tutorial of the request's theme, texted in one click: it lands in the citizen's phone
    const tutorials = volunteer.getByRole('region', { name: 'Tutoriels à envoyer' });
    await activate(volunteer, /^Envoyer par SMS : Simuler ses droits aux aides/);
    await expect(tutorials.getByText(/envoyé par SMS, depuis le numéro de Passerelle/)).toBeVisible();
    await expect(
      citizen
        .getByRole('region', { name: 'SMS reçus' })
        .getByText(/Passerelle : le tutoriel « Simuler ses droits/),
    ).toBeVisible({ timeout: 10_000 });
    await expect(volunteer.locator('ol.timeline')).toContainText('Tutoriel envoyé par SMS');

    // the callback: the volunteer's phone rings first, then the citizen's, from the hotline number
    await activate(volunteer, 'Appeler la personne');
    await expect(volunteer.getByText(/Votre téléphone va sonner/)).toBeVisible();
    await expect(phone.getByRole('heading', { name: 'Appel entrant' })).toBeVisible({ timeout: 10_000 });
    await activate(phone, 'Décrocher');
    await expect(phone.getByRole('log', { name: 'Ce que dit la ligne' })).toContainText(
      'Pour appeler la personne, tapez 1.',
    );
    await activate(phone, 'Touche 1');
    await expect(citizen.getByRole('heading', { name: 'Appel entrant' })).toBeVisible({ timeout: 10_000 });
    await activate(citizen, 'Décrocher');
    await expect(citizenLog).toContainText('ici Passerelle');
    const facts = volunteer.locator('dl.ticket-facts');
    await expect(facts).toContainText('En communication', { timeout: 10_000 });
    await activate(citizen, 'Raccrocher');
    await expect(facts).toContainText('Prise en charge', { timeout: 10_000 });

    // the outcome, with the keyboard
    await tick(volunteer, 'checkbox', 'Social - Santé');
    await tick(volunteer, 'checkbox', 'Téléphone');
    await tick(volunteer, 'radio', 'Plutôt autonome');
    await tick(volunteer, 'radio', 'Oui, finalisée');
    await activate(volunteer, 'Enregistrer le compte rendu');
    await expect(
      volunteer.getByText('Aucune demande en cours. Acceptez une proposition ou prenez la suivante.'),
    ).toBeVisible();
    await expect(volunteer.getByRole('region', { name: 'Mes demandes récentes' })).toContainText('Résolue');
    await expectNoAxeViolation(volunteer);
  } finally {
    await choose(volunteer, 'Hors ligne');
  }
});
