import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { Me } from '../../../../lib/auth';
import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { CallState } from '../../api/phone';
import { displayNumber, PhonePage } from '../phone-page';

const coordinator: Me = {
  id: 42,
  email: 'coordination@passerelle.test',
  displayName: 'Camille Coordination',
  role: 'COORDINATOR',
  regionCode: null,
  regionName: null,
  passwordChangeRequired: false,
  twoFactorEnabled: false,
  twoFactorSetupRequired: false,
  approved: true,
};

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

function call(overrides: Partial<CallState>): CallState {
  return {
    sid: 'CA1',
    state: 'ACTIVE',
    ended: false,
    incoming: false,
    otherNumber: '+33199001234',
    heard: [],
    awaitedKeys: null,
    transcript: [],
    ...overrides,
  };
}

describe('PhonePage', () => {
  it('calls the hotline, shows what it says, and sends the keys it waits for', async () => {
    let current: CallState | null = null;
    const reply = (next: CallState) => {
      current = next;
      return { status: 200, body: next };
    };
    const welcome = [
      { kind: 'SAID' as const, text: 'Bonjour.' },
      { kind: 'SAID' as const, text: 'Pour CAF, tapez 1.' },
    ];
    const server = fakeServer({
      'GET /api/simulator/phone': () => ({ status: 200, body: { ...phone, call: current } }),
      'POST /api/simulator/phone/call': () => reply(call({ awaitedKeys: 1, transcript: welcome })),
      'POST /api/simulator/phone/call/keys': (request) =>
        JSON.parse(request.body).keys === '1'
          ? reply(
              call({
                awaitedKeys: 5,
                transcript: [
                  ...welcome,
                  { kind: 'KEYS', text: '1' },
                  { kind: 'SAID', text: 'Tapez votre code postal.' },
                ],
              }),
            )
          : reply(
              call({
                state: 'ENDED',
                ended: true,
                transcript: [
                  ...welcome,
                  { kind: 'KEYS', text: '35000' },
                  { kind: 'SAID', text: 'Au revoir.' },
                ],
              }),
            ),
    });
    const user = userEvent.setup();
    renderWithProviders(<PhonePage me={coordinator} />);

    expect(await screen.findByText('Numéro de ce téléphone : 06 10 00 00 42')).toBeInTheDocument();
    expect(screen.getByText('Passerelle : votre demande K7F-4QX est enregistrée.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Votre téléphone de bénévole' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Appeler la ligne Passerelle (01 99 00 12 34)' }));

    const log = screen.getByRole('log', { name: 'Ce que dit la ligne' });
    await waitFor(() => expect(log).toHaveTextContent('Passerelle : Pour CAF, tapez 1.'));
    expect(screen.getByText('La ligne attend 1 touche(s).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Touche 1' }));
    await waitFor(() => expect(log).toHaveTextContent('Tapez votre code postal.'));
    expect(log).toHaveTextContent('Vous avez tapé : 1');

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

  it('rings when the hotline calls, and picks up', async () => {
    let current = call({ state: 'RINGING', incoming: true });
    const server = fakeServer({
      'GET /api/simulator/phone': () => ({ status: 200, body: { ...phone, call: current } }),
      'POST /api/simulator/phone/call/answer': () => {
        current = call({
          incoming: true,
          awaitedKeys: 1,
          transcript: [
            { kind: 'SAID', text: 'Rappel de la demande K, 7, F. Pour appeler la personne, tapez 1.' },
          ],
        });
        return { status: 200, body: current };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<PhonePage me={coordinator} />);

    expect(await screen.findByRole('heading', { name: 'Appel entrant' })).toBeInTheDocument();
    expect(screen.getByText('Votre téléphone sonne : appel de 01 99 00 12 34.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Clavier du téléphone' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Décrocher' }));

    const log = screen.getByRole('log', { name: 'Ce que dit la ligne' });
    await waitFor(() => expect(log).toHaveTextContent('Pour appeler la personne, tapez 1.'));
    expect(screen.getByText('La ligne attend 1 touche(s).')).toBeInTheDocument();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'POST /api/simulator/phone/call/answer',
    );
  });

  it('waits on the line, and can ask for a callback with 1', async () => {
    fakeServer({
      'GET /api/simulator/phone': {
        status: 200,
        body: {
          ...phone,
          call: call({
            state: 'WAITING',
            awaitedKeys: 1,
            transcript: [{ kind: 'SAID', text: 'Vous êtes en position 2 dans la file d’attente.' }],
          }),
        },
      },
    });
    renderWithProviders(<PhonePage me={coordinator} />);

    expect(await screen.findByText(/Vous attendez qu’un bénévole décroche/)).toBeInTheDocument();
    expect(screen.getByRole('log', { name: 'Ce que dit la ligne' })).toHaveTextContent('position 2');
    expect(screen.getByRole('button', { name: 'Touche 1' })).toBeEnabled();
  });

  it('lets a volunteer be called on this phone', async () => {
    let registered: string | null = null;
    const server = fakeServer({
      'GET /api/simulator/phone': { status: 200, body: phone },
      'GET /api/volunteers/me': () => ({ status: 200, body: { maskedPhone: registered } }),
      'PUT /api/volunteers/me/phone': () => {
        registered = '06 •• •• •• 42';
        return { status: 200, body: { phone: registered } };
      },
      'GET /api/volunteers/me/presence': { status: 200, body: { status: 'OFFLINE' } },
      'PUT /api/volunteers/me/presence': (request) => ({ status: 200, body: JSON.parse(request.body) }),
      'GET /api/tickets?status=OFFERED&status=ASSIGNED&status=IN_CALL&size=20': {
        status: 200,
        body: { items: [] },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<PhonePage me={{ ...coordinator, role: 'VOLUNTEER' }} />);

    expect(await screen.findByText(/Vous n’avez pas encore enregistré de numéro/)).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Recevoir ces appels sur ce téléphone d’entraînement' }),
    );

    expect(await screen.findByText(/la plateforme vous appelle au 06 •• •• •• 42/)).toBeInTheDocument();
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toBe('{"phone":"+33610000042"}');

    expect(screen.getByText('Votre présence : hors ligne.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Me rendre disponible pour les appels' }));
    expect(await screen.findByText('Votre présence : disponible.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Me mettre hors ligne' })).toBeInTheDocument();
  });

  it('lets a volunteer accept a request offered to them, then call the citizen back', async () => {
    let status = 'OFFERED';
    const server = fakeServer({
      'GET /api/simulator/phone': { status: 200, body: phone },
      'GET /api/volunteers/me': { status: 200, body: { maskedPhone: '06 •• •• •• 42' } },
      'GET /api/volunteers/me/presence': { status: 200, body: { status: 'AVAILABLE' } },
      'GET /api/tickets?status=OFFERED&status=ASSIGNED&status=IN_CALL&size=20': () => ({
        status: 200,
        body: {
          items: [
            {
              id: 7,
              reference: 'K7F-4QX',
              kind: 'CALLBACK',
              topicCode: 'CAF',
              postcode: '35000',
              status,
              assigneeId: 42,
            },
          ],
        },
      }),
      'POST /api/tickets/7/accept': () => {
        status = 'ASSIGNED';
        return { status: 200, body: {} };
      },
      'POST /api/tickets/7/call': { status: 200, body: { callSid: 'CA9', placed: true } },
    });
    const user = userEvent.setup();
    renderWithProviders(<PhonePage me={{ ...coordinator, role: 'VOLUNTEER' }} />);

    expect(await screen.findByText(/K7F-4QX : rappel, CAF, 35000 \(proposée\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accepter la demande K7F-4QX' }));
    await user.click(
      await screen.findByRole('button', { name: 'Appeler la personne de la demande K7F-4QX' }),
    );

    expect(await screen.findByText(/Votre téléphone va sonner/)).toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/api/tickets/7/accept',
      '/api/tickets/7/call',
    ]);
  });

  it('tells a volunteer without a profile that the platform cannot call them yet', async () => {
    fakeServer({
      'GET /api/simulator/phone': { status: 200, body: phone },
      'GET /api/volunteers/me': {
        status: 404,
        body: { status: 404, title: 'Introuvable', detail: 'Ce compte n’a pas de profil de bénévole.' },
      },
    });
    renderWithProviders(<PhonePage me={{ ...coordinator, role: 'VOLUNTEER' }} />);

    expect(await screen.findByText(/Votre profil de bénévole n’est pas encore créé/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Recevoir ces appels/ })).not.toBeInTheDocument();
  });

  it('says the training phone exists in simulator mode only when the server has no simulator', async () => {
    fakeServer({
      'GET /api/simulator/phone': { status: 404, body: { status: 404, title: 'Introuvable' } },
    });
    renderWithProviders(<PhonePage me={coordinator} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('n’existe qu’en mode simulateur');
  });

  it('writes French numbers the French way', () => {
    expect(displayNumber('+33612345678')).toBe('06 12 34 56 78');
    expect(displayNumber('+262262123456')).toBe('+262262123456');
  });
});
