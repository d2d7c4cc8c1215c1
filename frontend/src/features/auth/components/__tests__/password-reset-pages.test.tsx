import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { ForgottenPasswordPage } from '../forgotten-password-page';
import { NewPasswordPage } from '../new-password-page';

const TOKEN = 'k7Y2uXy0fJ3Qm9W-_aBcDeFgHiJkLmNoPqRsTuVwXyZ';

describe('ForgottenPasswordPage', () => {
  it('sends the address and says the same thing whatever the answer tells', async () => {
    const server = fakeServer({ 'POST /api/password-reset': { status: 202 } });
    renderWithProviders(<ForgottenPasswordPage />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Adresse e-mail'), 'nadia@example.org');
    await user.click(screen.getByRole('button', { name: 'Recevoir le lien' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Si un compte Passerelle existe pour cette adresse, nous venons d’y envoyer un lien valable 30 minutes.',
    );
    const sent = server.requests.find((r) => r.path === '/api/password-reset');
    expect(JSON.parse(sent!.body)).toEqual({ email: 'nadia@example.org' });
    expect(screen.queryByLabelText('Adresse e-mail')).not.toBeInTheDocument();
  });

  it('says when this network asked too often', async () => {
    fakeServer({
      'POST /api/password-reset': problem(429, 'Trop de demandes. Réessayez plus tard.', 'limit.exceeded'),
    });
    renderWithProviders(<ForgottenPasswordPage />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Adresse e-mail'), 'nadia@example.org');
    await user.click(screen.getByRole('button', { name: 'Recevoir le lien' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Trop de demandes. Réessayez plus tard.');
    expect(screen.getByLabelText('Adresse e-mail')).toHaveValue('nadia@example.org');
  });
});

describe('NewPasswordPage', () => {
  it('sets the new password with the token of the link, then offers to sign in', async () => {
    const server = fakeServer({
      'POST /api/password-reset/complete': { status: 204 },
      'GET /api/auth/me': problem(401, 'Non connecté'),
    });
    renderWithProviders(<NewPasswordPage />, { path: `/nouveau-mot-de-passe#${TOKEN}` });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'une nouvelle phrase de passe');
    await user.type(
      screen.getByLabelText('Confirmez le nouveau mot de passe'),
      'une nouvelle phrase de passe',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Votre mot de passe a été changé');
    expect(screen.getByRole('link', { name: 'Se connecter' })).toHaveAttribute('href', '/login');
    const sent = server.requests.find((r) => r.path === '/api/password-reset/complete');
    expect(JSON.parse(sent!.body)).toEqual({ token: TOKEN, password: 'une nouvelle phrase de passe' });
  });

  it('checks the two passwords before asking the server', async () => {
    const server = fakeServer({ 'POST /api/password-reset/complete': { status: 204 } });
    renderWithProviders(<NewPasswordPage />, { path: `/nouveau-mot-de-passe#${TOKEN}` });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'une nouvelle phrase de passe');
    await user.type(screen.getByLabelText('Confirmez le nouveau mot de passe'), 'une autre phrase de passe');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Les deux mots de passe ne sont pas identiques.',
    );
    expect(server.requests.some((r) => r.path === '/api/password-reset/complete')).toBe(false);
  });

  it('offers a new link when this one no longer works', async () => {
    fakeServer({
      'POST /api/password-reset/complete': problem(
        400,
        'Ce lien n’est plus valable.',
        'account.reset.invalid',
      ),
    });
    renderWithProviders(<NewPasswordPage />, { path: `/nouveau-mot-de-passe#${TOKEN}` });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'une nouvelle phrase de passe');
    await user.type(
      screen.getByLabelText('Confirmez le nouveau mot de passe'),
      'une nouvelle phrase de passe',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien n’est plus valable.');
    expect(screen.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
      'href',
      '/mot-de-passe-oublie',
    );
  });

  it('keeps the link usable when the server refuses the password itself', async () => {
    fakeServer({
      'POST /api/password-reset/complete': problem(
        400,
        'Ce mot de passe est trop courant.',
        'account.password.common',
      ),
    });
    renderWithProviders(<NewPasswordPage />, { path: `/nouveau-mot-de-passe#${TOKEN}` });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'motdepasse123');
    await user.type(screen.getByLabelText('Confirmez le nouveau mot de passe'), 'motdepasse123');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Ce mot de passe est trop courant.');
    expect(screen.getByLabelText('Nouveau mot de passe')).toBeInTheDocument();
  });

  it('says so when the link lost its token', () => {
    renderWithProviders(<NewPasswordPage />, { path: '/nouveau-mot-de-passe' });

    expect(screen.getByRole('alert')).toHaveTextContent('Ce lien est incomplet');
    expect(screen.queryByLabelText('Nouveau mot de passe')).not.toBeInTheDocument();
  });
});

describe('NewPasswordPage for an invitation', () => {
  it('welcomes the invited person, sends their password with the token, then sends them to sign in', async () => {
    const server = fakeServer({
      'POST /api/invitations/accept': { status: 204 },
      'GET /api/auth/me': problem(401, 'Non connecté'),
    });
    renderWithProviders(<NewPasswordPage purpose="invitation" />, { path: `/invitation#${TOKEN}` });
    const user = userEvent.setup();

    expect(screen.getByRole('heading', { level: 1, name: 'Bienvenue sur Passerelle' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'ma propre phrase de passe');
    await user.type(screen.getByLabelText('Confirmez le nouveau mot de passe'), 'ma propre phrase de passe');
    await user.click(screen.getByRole('button', { name: 'Choisir ce mot de passe' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Votre mot de passe est enregistré.');
    const sent = server.requests.find((r) => r.path === '/api/invitations/accept');
    expect(JSON.parse(sent!.body)).toEqual({ token: TOKEN, password: 'ma propre phrase de passe' });
    expect(server.requests.some((r) => r.path === '/api/password-reset/complete')).toBe(false);
  });

  it('says an invitation is no longer valid and whom to ask', async () => {
    fakeServer({
      'POST /api/invitations/accept': problem(
        400,
        'Cette invitation n’est plus valable : elle a expiré (72 heures).',
        'account.invitation.invalid',
      ),
    });
    renderWithProviders(<NewPasswordPage purpose="invitation" />, { path: `/invitation#${TOKEN}` });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'ma propre phrase de passe');
    await user.type(screen.getByLabelText('Confirmez le nouveau mot de passe'), 'ma propre phrase de passe');
    await user.click(screen.getByRole('button', { name: 'Choisir ce mot de passe' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Cette invitation n’est plus valable');
    expect(screen.getByRole('link', { name: 'Retour à la connexion' })).toHaveAttribute('href', '/login');
    expect(screen.queryByLabelText('Nouveau mot de passe')).not.toBeInTheDocument();
  });
});
