import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, fieldProblem, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { SignUpPage } from '../sign-up-page';

const options = {
  'GET /api/territory/departements': {
    status: 200,
    body: [{ code: '90', name: 'Territoire de Belfort', regionCode: '27' }],
  },
  'GET /api/topics': {
    status: 200,
    body: [{ code: 'CAF', nameFr: 'CAF & prestations sociales', nameEn: 'CAF & social benefits' }],
  },
};

async function fillIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Prénom et nom'), 'Nadia Benali');
  await user.type(screen.getByLabelText('Adresse e-mail'), 'nadia@example.org');
  await user.type(screen.getByLabelText('Mot de passe'), 'une phrase facile à retenir');
  await user.type(screen.getByLabelText('Votre téléphone'), '06 12 34 56 78');
  await user.selectOptions(screen.getByLabelText('Département où vous habitez'), '90');
  await user.click(await screen.findByRole('checkbox', { name: 'CAF & prestations sociales' }));
  await user.click(screen.getByRole('checkbox', { name: 'Arabe' }));
  await user.type(screen.getByLabelText('Vos disponibilités'), 'Le mardi matin');
  return user;
}

describe('SignUpPage', () => {
  it('signs up, then says to open the link e-mailed to the address, signing nobody in', async () => {
    const server = fakeServer({
      ...options,
      'POST /api/sign-up': { status: 202 },
    });
    renderWithProviders(<SignUpPage />);
    await screen.findByRole('option', { name: '90 – Territoire de Belfort' });

    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Envoyer mon inscription' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Vérifiez votre boîte e-mail' }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Nous venons d’envoyer un e-mail à nadia@example.org.',
    );
    expect(server.requests.some((r) => r.path === '/api/auth/login')).toBe(false);
    const sent = server.requests.find((r) => r.path === '/api/sign-up');
    expect(JSON.parse(sent!.body)).toEqual({
      displayName: 'Nadia Benali',
      email: 'nadia@example.org',
      password: 'une phrase facile à retenir',
      phone: '06 12 34 56 78',
      departement: '90',
      skills: ['CAF'],
      languages: ['fr', 'ar'],
      availability: 'Le mardi matin',
    });
  });

  it('says why the sign-up is refused, and signs nobody in', async () => {
    const server = fakeServer({
      ...options,
      'POST /api/sign-up': problem(400, 'Ce département n’existe pas.', 'territory.departement.unknown'),
    });
    renderWithProviders(<SignUpPage />);
    await screen.findByRole('option', { name: '90 – Territoire de Belfort' });

    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Envoyer mon inscription' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Ce département n’existe pas.');
    expect(screen.getByLabelText('Prénom et nom')).toHaveValue('Nadia Benali');
    expect(server.requests.some((r) => r.path === '/api/auth/login')).toBe(false);
  });

  it('shows a refused value beside its field, read out with it', async () => {
    fakeServer({
      ...options,
      'POST /api/sign-up': fieldProblem(
        400,
        'phone',
        'Ce numéro de téléphone n’est pas valide.',
        'phone.malformed',
      ),
    });
    renderWithProviders(<SignUpPage />);
    await screen.findByRole('option', { name: '90 – Territoire de Belfort' });

    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Envoyer mon inscription' }));

    const phone = screen.getByLabelText('Votre téléphone');
    await waitFor(() =>
      expect(phone).toHaveAccessibleDescription(/Ce numéro de téléphone n’est pas valide\./),
    );
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refused choice of themes beside the themes', async () => {
    fakeServer({
      ...options,
      'POST /api/sign-up': fieldProblem(400, 'skills', 'Choisissez au moins un thème.'),
    });
    renderWithProviders(<SignUpPage />);
    await screen.findByRole('option', { name: '90 – Territoire de Belfort' });

    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Envoyer mon inscription' }));

    expect(
      await screen.findByRole('group', { name: 'Thèmes sur lesquels vous pouvez aider' }),
    ).toHaveAccessibleDescription('Choisissez au moins un thème.');
  });
});
