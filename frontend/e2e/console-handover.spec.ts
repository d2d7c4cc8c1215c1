import { expect, test } from '@playwright/test';

import { choose, openConsole, tick } from './console-steps';
import { activate, callForCaf, expectNoAxeViolation, trainingPhone } from './training-phone';

// Accounts created for this run by the backend test that starts the platform (in simulator mode): a caller, a
// volunteer of the Ariège (where no other test sends requests), offline at first, and a coordinator of Occitanie.
const citizenEmail = process.env.PASSERELLE_E2E_HANDOVER_CITIZEN_EMAIL ?? 'coordination.ara@passerelle.demo';
const volunteerEmail =
  process.env.PASSERELLE_E2E_HANDOVER_VOLUNTEER_EMAIL ?? 'benevole.paris@passerelle.demo';
const coordinatorEmail =
  process.env.PASSERELLE_E2E_HANDOVER_COORDINATOR_EMAIL ?? 'coordination@passerelle.demo';
const coordinatorName = process.env.PASSERELLE_E2E_HANDOVER_COORDINATOR_NAME ?? 'Claire Martin';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';
const postcode = process.env.PASSERELLE_E2E_HANDOVER_POSTCODE ?? '75001';

test('a volunteer takes a live call from the console, then hands it over to a coordinator who closes it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const phone = await trainingPhone(browser, volunteerEmail, password);
  await activate(phone, 'Recevoir ces appels sur ce téléphone d’entraînement');
  await expect(
    phone.getByText('C’est fait : la plateforme appellera ce téléphone d’entraînement.'),
  ).toBeVisible();
  const volunteer = await openConsole(browser, volunteerEmail, password);
  await choose(volunteer, 'Disponible');

  try {
    // a volunteer is available: the caller waits on the line, and the console rings
    const citizen = await trainingPhone(browser, citizenEmail, password);
    const citizenLog = await callForCaf(citizen, postcode);
    await expect(citizenLog).toContainText('Un bénévole va vous répondre.');
    const offer = volunteer.getByRole('region', { name: /^Demande proposée/ });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await expect(offer).toContainText('Appel en attente');
    await offer.getByRole('button', { name: 'Accepter' }).focus();
    await volunteer.keyboard.press('Enter');
    await expect(volunteer.getByRole('heading', { name: /^Demande en cours : / })).toBeVisible();

    // accepted in the console: picking up the phone puts the volunteer through at once
    await expect(phone.getByRole('heading', { name: 'Appel entrant' })).toBeVisible({ timeout: 10_000 });
    await activate(phone, 'Décrocher');
    await expect(phone.getByText('Vous êtes en communication avec l’autre téléphone.')).toBeVisible({
      timeout: 10_000,
    });
    await expect(citizenLog).toContainText('Je vous mets en relation avec un bénévole.', { timeout: 10_000 });
    const facts = volunteer.locator('dl.ticket-facts');
    await expect(facts).toContainText('En communication', { timeout: 10_000 });
    // no handing over while on the phone
    await expect(volunteer.getByRole('button', { name: /^Transmettre à/ })).toHaveCount(0);
    await activate(citizen, 'Raccrocher');
    await expect(facts).toContainText('Prise en charge', { timeout: 10_000 });
    const reference = (await volunteer.getByRole('heading', { name: /^Demande en cours : / }).textContent())!
      .replace('Demande en cours : ', '')
      .trim();

    // handed over to the coordination, with a note, with the keyboard
    await activate(volunteer, 'Transmettre à un ou une collègue ou à la coordination');
    await volunteer.getByRole('radio', { name: new RegExp(`^${coordinatorName} ·`) }).focus();
    await volunteer.keyboard.press('Space');
    await volunteer.getByLabel(/Note pour la personne qui reprend la demande/).focus();
    await volunteer.keyboard.type('Personne très inquiète pour son RSA : à rappeler par la coordination.');
    await expectNoAxeViolation(volunteer);
    await activate(volunteer, `Transmettre à ${coordinatorName}`);
    await expect(volunteer.getByText(`Demande transmise à ${coordinatorName}`)).toBeVisible();
    await expect(
      volunteer.getByText('Aucune demande en cours. Acceptez une proposition ou prenez la suivante.'),
    ).toBeVisible();

    // the coordinator finds it in their console, with the note, and closes it
    const coordinator = await openConsole(browser, coordinatorEmail, password);
    await expect(
      coordinator.getByRole('heading', { name: 'Demandes qui vous ont été transmises' }),
    ).toBeVisible();
    await expect(coordinator.getByRole('heading', { name: `Demande en cours : ${reference}` })).toBeVisible();
    await expect(coordinator.getByText(/Personne très inquiète pour son RSA/)).toBeVisible();
    await expect(coordinator.locator('ol.timeline')).toContainText('Transmise à la coordination');
    await expect(coordinator.getByRole('button', { name: 'Appeler la personne' })).toHaveCount(0);
    await expectNoAxeViolation(coordinator);
    await tick(coordinator, 'checkbox', 'Social - Santé');
    await tick(coordinator, 'checkbox', 'Téléphone');
    await tick(coordinator, 'radio', 'Entièrement accompagnée');
    await tick(coordinator, 'radio', 'Oui, finalisée');
    await activate(coordinator, 'Enregistrer le compte rendu');
    await expect(
      coordinator.getByRole('heading', { name: 'Demandes qui vous ont été transmises' }),
    ).toHaveCount(0);
  } finally {
    await choose(volunteer, 'Hors ligne');
  }
});
