import { expect, test, type Page } from '@playwright/test';

import { hasMailbox, linkInMail } from './mailbox';
import { signIn } from './sign-in';
import { activate, callForCaf, expectNoAxeViolation } from './training-phone';

// A coordinator of Bourgogne-Franche-Comté (région 27), created for this run by the backend test that starts the
// platform; the new volunteer signs up from the Territoire de Belfort (90), where no other test sends requests.
const approverEmail = process.env.PASSERELLE_E2E_APPROVER_EMAIL ?? 'coordination@passerelle.demo';
const password = process.env.PASSERELLE_E2E_PASSWORD ?? 'passerelle-demo';

async function practiceCall(page: Page) {
  await page.goto('/app/telephone');
  const log = await callForCaf(page, '90000');
  await expect(log).toContainText('Votre demande de rappel est enregistrée.');
}

test('a new volunteer signs up, is approved, trains on the training phone and goes available', async ({
  browser,
}) => {
  test.skip(!hasMailbox, 'reads the confirmation e-mail from the mailbox of the backend test');
  const email = `nouvelle-${Date.now()}@passerelle.test`;
  const volunteer = await (await browser.newContext()).newPage();
  await volunteer.goto('/app/login');
  await volunteer.getByRole('link', { name: 'Pas encore bénévole ? S’inscrire' }).focus();
  await volunteer.keyboard.press('Enter');
  await expect(volunteer.getByRole('heading', { level: 1, name: 'Devenir bénévole' })).toBeVisible();
  await expectNoAxeViolation(volunteer);

  await volunteer.getByLabel('Prénom et nom').fill('Nadia Benali');
  await volunteer.getByLabel('Adresse e-mail').fill(email);
  await volunteer.getByLabel('Mot de passe').fill(password);
  // 061x xx xx xx: a metropolitan mobile (06 90 to 06 97 belong to the overseas départements)
  await volunteer.getByLabel('Votre téléphone').fill(`061${String(Date.now()).slice(-7)}`);
  await volunteer.getByLabel('Département où vous habitez').selectOption('90');
  await volunteer.getByRole('checkbox', { name: 'CAF & prestations sociales' }).check();
  await volunteer.getByLabel('Vos disponibilités').fill('Le mardi et le jeudi après-midi');
  await activate(volunteer, 'Envoyer mon inscription');

  // nobody is signed in yet: the address is confirmed first, with the link e-mailed to it
  await expect(
    volunteer.getByRole('heading', { level: 1, name: 'Vérifiez votre boîte e-mail' }),
  ).toBeVisible();
  await expect(volunteer.getByRole('status')).toContainText(email);
  await expectNoAxeViolation(volunteer);
  await volunteer.goto('/app/confirmer-adresse' + (await linkInMail(email, 'confirmer-adresse')));
  await expect(
    volunteer.getByRole('heading', { level: 1, name: 'Confirmer votre adresse e-mail' }),
  ).toBeVisible();
  await expectNoAxeViolation(volunteer);
  await activate(volunteer, 'Confirmer mon adresse');
  await expect(volunteer.getByRole('status')).toContainText('Votre adresse est confirmée.');
  await signIn(volunteer, email, password, /^(Console|Bonjour )/);
  await volunteer.goto('/app/console');

  // the console says what is left to do
  await expect(volunteer.getByRole('heading', { level: 1, name: 'Console' })).toBeVisible();
  const training = volunteer.getByRole('region', { name: 'Avant votre premier appel' });
  await expect(training).toContainText('La coordination de votre région examine votre inscription.');
  // until approved, the account reaches its onboarding only: no presence, no queue
  await expect(volunteer.getByRole('radio', { name: 'Disponible' })).toHaveCount(0);
  await expectNoAxeViolation(volunteer);
  await activate(volunteer, 'J’ai lu la charte et je m’engage à la respecter');
  await expect(training).toContainText('Fait : lire et accepter la charte des bénévoles.');

  await practiceCall(volunteer);
  await practiceCall(volunteer);

  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, approverEmail, password);
  // the home page's to-do list leads to the sign-ups waiting
  const waiting = coordinator.getByRole('link', { name: /^Inscriptions de bénévoles à examiner : \d+$/ });
  await expect(waiting).toBeVisible();
  await expectNoAxeViolation(coordinator);
  await waiting.focus();
  await coordinator.keyboard.press('Enter');
  await expect(coordinator.getByRole('heading', { name: 'Nadia Benali' })).toBeVisible();
  await expectNoAxeViolation(coordinator);
  await activate(coordinator, 'Valider l’inscription de Nadia Benali');
  await expect(coordinator.getByText('Inscription validée.')).toBeVisible();

  await volunteer.goto('/app/console');
  await expect(volunteer.getByRole('radio', { name: 'Disponible' })).toBeEnabled({ timeout: 10_000 });
  await expect(volunteer.getByRole('region', { name: 'Avant votre premier appel' })).toHaveCount(0);
  await volunteer.getByRole('radio', { name: 'Disponible' }).focus();
  await volunteer.keyboard.press('Space');
  await expect(volunteer.getByText(/^Actuellement : (Disponible|Occupé·e)$/)).toBeVisible();

  // their shifts, on "Mon compte"
  await volunteer
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mon compte' })
    .focus();
  await volunteer.keyboard.press('Enter');
  await activate(volunteer, 'Ajouter un créneau');
  const shift = volunteer.getByRole('group', { name: 'Créneau 1' });
  await shift.getByLabel('Jour').selectOption('TUESDAY');
  await shift.getByLabel('Début').fill('14:00');
  await shift.getByLabel('Fin').fill('17:30');
  await activate(volunteer, 'Enregistrer mes créneaux');
  await expect(volunteer.getByText('Créneaux enregistrés.')).toBeVisible();
  await expectNoAxeViolation(volunteer);

  await volunteer
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Console' })
    .focus();
  await volunteer.keyboard.press('Enter');
  await expect(volunteer.getByText('Mardi de 14:00 à 17:30')).toBeVisible();
  await volunteer.getByRole('radio', { name: 'Hors ligne' }).focus();
  await volunteer.keyboard.press('Space');
  await expect(volunteer.getByText('Actuellement : Hors ligne')).toBeVisible();
});
