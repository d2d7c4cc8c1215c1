import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { displayNumber, PhonePage } from '../phone-page';

const phone = {
  number: '+33610000042',
  hotline: '+33199001234',
  inbox: [
    {
      from: '+33199001234',
      body: 'Passerelle : votre demande K7F-4QX est enregistrée.',
      receivedAt: '2027-03-01T09:30:00Z',
    },
  ],
  call: null,
};

describe('PhonePage', () => {
  it('calls the hotline, shows what it says, and sends the keys it waits for', async () => {
    const server = fakeServer({
      'GET /api/simulator/phone': { status: 200, body: phone },
      'POST /api/simulator/phone/call': {
        status: 200,
        body: { sid: 'CA1', ended: false, heard: ['Bonjour.', 'Pour CAF, tapez 1.'], awaitedKeys: 1 },
      },
      'POST /api/simulator/phone/call/keys': (request) =>
        JSON.parse(request.body).keys === '1'
          ? {
              status: 200,
              body: { sid: 'CA1', ended: false, heard: ['Tapez votre code postal.'], awaitedKeys: 5 },
            }
          : { status: 200, body: { sid: 'CA1', ended: true, heard: ['Au revoir.'], awaitedKeys: null } },
    });
    const user = userEvent.setup();
    renderWithProviders(<PhonePage />);

    expect(await screen.findByText('Numéro de ce téléphone : 06 10 00 00 42')).toBeInTheDocument();
    expect(screen.getByText('Passerelle : votre demande K7F-4QX est enregistrée.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Appeler la ligne Passerelle (01 99 00 12 34)' }));

    const log = screen.getByRole('log', { name: 'Ce que dit la ligne' });
    await waitFor(() => expect(log).toHaveTextContent('Passerelle : Pour CAF, tapez 1.'));
    expect(screen.getByText('La ligne attend 1 touche(s).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Touche 1' }));
    await waitFor(() => expect(log).toHaveTextContent('Tapez votre code postal.'));

    for (const key of ['3', '5', '0', '0']) {
      await user.click(screen.getByRole('button', { name: `Touche ${key}` }));
    }
    expect(screen.getByText(/Déjà tapé : 3 5 0 0\./)).toBeInTheDocument();
    expect(server.requests.filter((r) => r.path === '/api/simulator/phone/call/keys')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Touche 0' }));

    await waitFor(() => expect(log).toHaveTextContent('Appel terminé.'));
    const keys = server.requests
      .filter((r) => r.path === '/api/simulator/phone/call/keys')
      .map((r) => r.body);
    expect(keys).toEqual(['{"keys":"1"}', '{"keys":"35000"}']);
    expect(log).toHaveTextContent('Vous avez tapé : 3 5 0 0 0');
  });

  it('writes French numbers the French way', () => {
    expect(displayNumber('+33612345678')).toBe('06 12 34 56 78');
    expect(displayNumber('+262262123456')).toBe('+262262123456');
  });
});
