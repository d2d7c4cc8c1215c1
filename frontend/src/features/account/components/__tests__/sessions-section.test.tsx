import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { SessionsSection } from '../sessions-section';

const here = {
  reference: 'a1',
  createdAt: '2027-03-01T08:00:00Z',
  lastUsedAt: '2027-03-01T09:30:00Z',
  current: true,
};
const phone = {
  reference: 'b2',
  createdAt: '2027-02-27T18:00:00Z',
  lastUsedAt: '2027-02-28T19:45:00Z',
  current: false,
};

describe('SessionsSection', () => {
  it('lists where I am signed in and ends another session once my password is given', async () => {
    let ended = false;
    const server = fakeServer({
      'GET /api/account/sessions': () => ({ status: 200, body: ended ? [here] : [here, phone] }),
      'POST /api/account/sessions/end': () => {
        ended = true;
        return { status: 200, body: { ended: 1 } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<SessionsSection />);

    const table = await screen.findByRole('table', { name: /la plus récemment utilisée d’abord/ });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('Cette connexion-ci')).toBeInTheDocument();
    const endPhone = within(table).getByRole('button', {
      name: /Fermer la connexion utilisée le 28 févr\. 2027/,
    });

    await user.click(endPhone);
    expect(screen.getByRole('alert')).toHaveTextContent('Saisissez votre mot de passe pour confirmer.');
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByLabelText('Votre mot de passe, pour confirmer'), 'mon mot de passe');
    await user.click(endPhone);
    expect(await screen.findByText('Connexions fermées : 1.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.method === 'POST')?.body).toBe(
      '{"password":"mon mot de passe","session":"b2"}',
    );
    expect(await screen.findByRole('table')).not.toHaveTextContent('28 févr.');
  });

  it('says when the password is wrong', async () => {
    fakeServer({
      'GET /api/account/sessions': { status: 200, body: [here, phone] },
      'POST /api/account/sessions/end': problem(
        400,
        'Le mot de passe actuel est incorrect.',
        'account.password.current-wrong',
      ),
    });
    const user = userEvent.setup();
    renderWithProviders(<SessionsSection />);

    await user.type(await screen.findByLabelText('Votre mot de passe, pour confirmer'), 'pas le bon');
    await user.click(screen.getByRole('button', { name: 'Fermer toutes mes autres connexions' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Le mot de passe actuel est incorrect.');
  });
});
