import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { ConfirmAddressPage } from '../confirm-address-page';

const TOKEN = 'Qm9W-_aBcDeFgHiJkLmNoPqRsTuVwXyZk7Y2uXy0fJ3';

describe('ConfirmAddressPage', () => {
  it('confirms the address only when asked, with the token of the link, then offers to sign in', async () => {
    const server = fakeServer({ 'POST /api/sign-up/confirm': { status: 204 } });
    renderWithProviders(<ConfirmAddressPage />, { path: `/confirmer-adresse#${TOKEN}` });
    const user = userEvent.setup();
    expect(server.requests.some((r) => r.path === '/api/sign-up/confirm')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Confirmer mon adresse' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Votre adresse est confirmée.');
    expect(screen.getByRole('link', { name: 'Se connecter' })).toHaveAttribute('href', '/login');
    const sent = server.requests.find((r) => r.path === '/api/sign-up/confirm');
    expect(JSON.parse(sent!.body)).toEqual({ token: TOKEN });
  });

  it('says a link is no longer valid, and where to go', async () => {
    fakeServer({
      'POST /api/sign-up/confirm': problem(
        400,
        'Ce lien n’est plus valable : il a expiré (72 heures).',
        'account.confirmation.invalid',
      ),
    });
    renderWithProviders(<ConfirmAddressPage />, { path: `/confirmer-adresse#${TOKEN}` });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Confirmer mon adresse' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien n’est plus valable');
    expect(screen.getByRole('link', { name: 'S’inscrire de nouveau' })).toHaveAttribute(
      'href',
      '/inscription',
    );
    expect(screen.queryByRole('button', { name: 'Confirmer mon adresse' })).not.toBeInTheDocument();
  });

  it('says a link without its token is incomplete', () => {
    fakeServer({});
    renderWithProviders(<ConfirmAddressPage />, { path: '/confirmer-adresse' });

    expect(screen.getByRole('alert')).toHaveTextContent('Ce lien est incomplet');
  });
});
