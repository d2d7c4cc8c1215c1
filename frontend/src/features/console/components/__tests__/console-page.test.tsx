import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Me } from '../../../../lib/auth';
import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { ConsoleState, Ticket } from '../../api/console-state';
import type { TutorialCard } from '../../api/tutorials';
import type { ConsoleEvent, Subscriptions } from '../../live/live-channel';
import { ConsolePage } from '../console-page';

// The real-time channel is replaced by one the test drives: what the server would push, and (re)connections.
const channel = vi.hoisted(() => ({
  handlers: null as null | {
    onConnected: () => void;
    onEvent: (event: ConsoleEvent) => void;
    onFigures: (body: unknown) => void;
  },
  subscriptions: undefined as Subscriptions | undefined,
}));
vi.mock('../../live/live-channel', () => ({
  useLiveChannel: (subscriptions: Subscriptions | undefined, handlers: typeof channel.handlers) => {
    channel.subscriptions = subscriptions;
    channel.handlers = handlers;
    return 'connected';
  },
}));

const me: Me = {
  id: 5,
  email: 'benevole@passerelle.test',
  displayName: 'Camille',
  role: 'VOLUNTEER',
  regionCode: null,
  regionName: null,
  passwordChangeRequired: false,
  twoFactorEnabled: false,
  twoFactorSetupRequired: false,
  approved: true,
};

const ticket: Ticket = {
  id: 42,
  reference: 'K7F-42Q',
  kind: 'LIVE_CALL',
  topicCode: 'CAF',
  postcode: '29200',
  departementCode: '29',
  maskedPhone: '06 •• •• •• 42',
  firstName: null,
  status: 'OFFERED',
  createdAt: '2027-03-01T09:00:00Z',
  waitingSince: '2027-03-01T09:00:00Z',
  attempts: 0,
  assigneeId: 5,
};

function state(changes: Partial<ConsoleState> = {}): ConsoleState {
  return {
    presence: 'AVAILABLE',
    wrapUpUntil: null,
    qualified: true,
    offers: [],
    held: [],
    territories: { departement: '29', departements: ['29'], regions: [], national: false },
    regions: ['53'],
    figures: [{ region: '53', rows: [] }],
    channel: { personal: '/user/queue/console', figures: '/topic/figures.' },
    ...changes,
  };
}

function routes(current: () => ConsoleState) {
  return {
    'GET /api/console': () => ({ status: 200, body: current() }),
    'GET /api/topics': {
      status: 200,
      body: [{ code: 'CAF', nameFr: 'CAF & prestations sociales', nameEn: 'CAF & social benefits' }],
    },
    'GET /api/volunteers/me/shifts': {
      status: 200,
      body: {
        availableAtShiftStart: false,
        shifts: [{ day: 'MONDAY', starts: '09:00:00', ends: '12:00:00' }],
      },
    },
    'GET /api/tickets?size=8': { status: 200, body: { items: [] } },
    'GET /api/tutorials?topic=CAF': { status: 200, body: [tutorial] },
  };
}

const tutorial: TutorialCard = {
  slug: 'simuler-ses-droits-caf',
  shortCode: 'simul',
  topicCode: 'CAF',
  title: 'Simuler ses droits aux aides',
  summary: 'Une simulation gratuite et anonyme.',
  level: 'BEGINNER',
  easyRead: false,
  path: '/tutoriels/simuler-ses-droits-caf',
  shortUrl: 'http://localhost/t/simul',
  counts: { smsSent: 3, linkOpens: 2, helpfulYes: 1, helpfulNo: 0 },
};

describe('ConsolePage', () => {
  beforeEach(() => {
    channel.handlers = null;
  });

  it('always shows the reminder, the presence and the shifts, and follows the régions it may', async () => {
    fakeServer(routes(() => state()));
    renderWithProviders(<ConsolePage me={me} />);

    expect(await screen.findByText(/ne lui demandez jamais ses mots de passe/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Disponible' })).toBeChecked();
    expect(await screen.findByText('Lundi de 09:00 à 12:00')).toBeInTheDocument();
    expect(channel.subscriptions).toEqual({
      personal: '/user/queue/console',
      figures: ['/topic/figures.53'],
    });
  });

  it('rings an offer pushed in real time, announces it, and accepts it', async () => {
    let current = state();
    const server = fakeServer({
      ...routes(() => current),
      'POST /api/tickets/42/accept': () => {
        current = state({ held: [{ ...ticket, status: 'ASSIGNED' }] });
        return { status: 200, body: { ...ticket, status: 'ASSIGNED' } };
      },
      'GET /api/tickets/42': {
        status: 200,
        body: { ticket, timeline: [], notes: [], outcome: null, earlierRequests: [] },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<ConsolePage me={me} />);
    await screen.findByRole('radio', { name: 'Disponible' });

    const expiresAt = new Date(Date.now() + 20_000).toISOString();
    current = state({ offers: [{ ticket, expiresAt }] });
    act(() => channel.handlers!.onEvent({ type: 'OFFERED', ticketId: 42, status: null, expiresAt }));

    const offer = await screen.findByRole('region', { name: /Demande proposée/ });
    expect(
      within(offer).getByText(/CAF & prestations sociales · 29200 \(département 29\) · référence K7F-42Q/),
    ).toBeVisible();
    expect(within(offer).getByText(/Encore \d+ s pour répondre/)).toBeInTheDocument();
    expect(
      screen.getByText(/Nouvelle demande proposée : Appel en attente, CAF & prestations sociales/),
    ).toBeInTheDocument();

    await user.click(within(offer).getByRole('button', { name: 'Accepter' }));

    expect(await screen.findByRole('heading', { name: 'Demande en cours : K7F-42Q' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Demande proposée/ })).not.toBeInTheDocument();
    expect(server.requests.some((r) => r.method === 'POST' && r.path === '/api/tickets/42/accept')).toBe(
      true,
    );
  });

  it('updates the counts when the figures of a région are pushed', async () => {
    fakeServer(routes(() => state()));
    renderWithProviders(<ConsolePage me={me} />);
    await screen.findByRole('radio', { name: 'Disponible' });
    expect(screen.getByTestId('waiting-calls')).toHaveTextContent('0');

    act(() =>
      channel.handlers!.onFigures({
        region: '53',
        rows: [
          {
            departement: '29',
            topic: 'CAF',
            kind: 'LIVE_CALL',
            waiting: 2,
            offered: 0,
            oldestSince: '2027-03-01T09:00:00Z',
          },
          {
            departement: '35',
            topic: 'CAF',
            kind: 'LIVE_CALL',
            waiting: 5,
            offered: 0,
            oldestSince: '2027-03-01T09:00:00Z',
          },
        ],
      }),
    );

    // the Ille-et-Vilaine is not one of this volunteer's territories
    await waitFor(() => expect(screen.getByTestId('waiting-calls')).toHaveTextContent('2'));
  });

  it('reads its state again when the channel reconnects', async () => {
    let presence: ConsoleState['presence'] = 'AVAILABLE';
    fakeServer(routes(() => state({ presence })));
    renderWithProviders(<ConsolePage me={me} />);
    await screen.findByRole('radio', { name: 'Disponible' });

    presence = 'OFFLINE';
    act(() => channel.handlers!.onConnected());

    expect(await screen.findByText('Actuellement : Hors ligne')).toBeInTheDocument();
  });

  it('takes the next request with a key that makes a retried click harmless', async () => {
    const server = fakeServer({ ...routes(() => state()), 'POST /api/routing/next': { status: 204 } });
    const user = userEvent.setup();
    renderWithProviders(<ConsolePage me={me} />);

    await user.click(await screen.findByRole('button', { name: 'Prendre la suivante' }));

    expect(await screen.findByText('Aucune demande à prendre pour vous en ce moment.')).toBeInTheDocument();
    const post = server.requests.find((r) => r.path === '/api/routing/next');
    expect(post?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the wrap-up time after a request, which the volunteer may end', async () => {
    let wrapUpUntil: string | null = new Date(Date.now() + 45_000).toISOString();
    const server = fakeServer({
      ...routes(() => state({ wrapUpUntil })),
      'DELETE /api/volunteers/me/wrap-up': () => {
        wrapUpUntil = null;
        return { status: 200, body: { status: 'AVAILABLE' } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<ConsolePage me={me} />);

    expect(
      await screen.findByText(/Temps de clôture : nouvelles propositions dans \d+ s/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Je suis prêt·e' }));

    await waitFor(() => expect(screen.queryByText(/Temps de clôture/)).not.toBeInTheDocument());
    expect(server.requests.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('cannot go available before approval and training', async () => {
    fakeServer(routes(() => state({ presence: 'OFFLINE', qualified: false })));
    renderWithProviders(<ConsolePage me={me} />);

    expect(await screen.findByRole('radio', { name: 'Disponible' })).toBeDisabled();
    expect(screen.getByText(/une fois votre inscription validée/)).toBeInTheDocument();
  });

  it('reads the training checklist again when the live channel says it moved on, instead of polling it', async () => {
    let practiceCalls = 0;
    const server = fakeServer({
      ...routes(() => state({ presence: 'OFFLINE', qualified: false })),
      'GET /api/volunteers/me/training': () => ({
        status: 200,
        body: {
          approvedAt: '2027-03-01T09:00:00Z',
          charterAcceptedAt: '2027-03-01T09:30:00Z',
          practiceCalls,
          practiceCallsRequired: 2,
          trainedAt: null,
        },
      }),
    });
    renderWithProviders(<ConsolePage me={me} />);
    expect(await screen.findByText(/\(0 sur 2\)/)).toBeInTheDocument();
    const reads = () => server.requests.filter((r) => r.path === '/api/volunteers/me/training').length;
    const before = reads();

    practiceCalls = 1;
    act(() => channel.handlers!.onEvent({ type: 'TRAINING', ticketId: null, status: null, expiresAt: null }));

    expect(await screen.findByText(/\(1 sur 2\)/)).toBeInTheDocument();
    expect(reads()).toBe(before + 1);
  });

  describe('handing a request over', () => {
    const held: Ticket = { ...ticket, kind: 'CALLBACK', status: 'ASSIGNED' };
    const details = {
      status: 200,
      body: { ticket: held, timeline: [], notes: [], outcome: null, earlierRequests: [] },
    };
    const candidates = {
      status: 200,
      body: {
        colleagues: [
          {
            id: 7,
            name: 'Nadia',
            role: 'VOLUNTEER',
            presence: 'AVAILABLE',
            departement: '29',
            nearness: 0,
          },
        ],
        coordinators: [
          {
            id: 9,
            name: 'Coordination Bretagne',
            role: 'COORDINATOR',
            presence: null,
            departement: null,
            nearness: 1,
          },
        ],
      },
    };

    it('hands the request to a colleague with a note, and says so once it left the console', async () => {
      let current = state({ held: [held] });
      const server = fakeServer({
        ...routes(() => current),
        'GET /api/tickets/42': details,
        'GET /api/tickets/42/handover': candidates,
        'POST /api/tickets/42/handover': () => {
          current = state();
          return { status: 200, body: { ...held, assigneeId: 7 } };
        },
      });
      const user = userEvent.setup();
      renderWithProviders(<ConsolePage me={me} />);

      const open = await screen.findByRole('button', {
        name: 'Transmettre à un ou une collègue ou à la coordination',
      });
      expect(open).toHaveAttribute('aria-expanded', 'false');
      await user.click(open);
      expect(open).toHaveAttribute('aria-expanded', 'true');
      await user.click(
        await screen.findByRole('radio', {
          name: /Nadia · Disponible · département 29 \(même département\)/,
        }),
      );
      expect(
        screen.getByRole('radio', { name: /Coordination Bretagne · coordination régionale/ }),
      ).not.toBeChecked();
      const submit = screen.getByRole('button', { name: 'Transmettre à Nadia' });
      expect(submit).toBeDisabled();
      await user.type(screen.getByLabelText(/Note pour la personne qui reprend la demande/), 'Parle arabe');
      await user.click(submit);

      expect(
        await screen.findByText('Demande transmise à Nadia : elle est maintenant dans sa console.'),
      ).toBeInTheDocument();
      expect(await screen.findByText(/Aucune demande en cours/)).toBeInTheDocument();
      const post = server.requests.find((r) => r.method === 'POST' && r.path === '/api/tickets/42/handover');
      expect(JSON.parse(post!.body)).toEqual({ recipientId: 7, note: 'Parle arabe' });
    });

    it('shows why a handover is refused, and the request stays', async () => {
      fakeServer({
        ...routes(() => state({ held: [held] })),
        'GET /api/tickets/42': details,
        'GET /api/tickets/42/handover': candidates,
        'POST /api/tickets/42/handover': problem(
          409,
          'Cette personne est hors ligne : choisissez quelqu’un.',
        ),
      });
      const user = userEvent.setup();
      renderWithProviders(<ConsolePage me={me} />);

      await user.click(
        await screen.findByRole('button', { name: 'Transmettre à un ou une collègue ou à la coordination' }),
      );
      await user.click(await screen.findByRole('radio', { name: /Coordination Bretagne/ }));
      await user.type(screen.getByLabelText(/Note pour la personne/), 'Situation délicate');
      await user.click(screen.getByRole('button', { name: 'Transmettre à Coordination Bretagne' }));

      expect(await screen.findByRole('alert')).toHaveTextContent('Cette personne est hors ligne');
      expect(screen.getByRole('heading', { name: 'Demande en cours : K7F-42Q' })).toBeInTheDocument();
    });

    it('suggests the tutorials of the request’s theme, finds others, and texts one in one click', async () => {
      const server = fakeServer({
        ...routes(() => state({ held: [held] })),
        'GET /api/tickets/42': details,
        'GET /api/tutorials?q=imp%C3%B4ts': {
          status: 200,
          body: [{ ...tutorial, slug: 'declarer-ses-revenus', title: 'Déclarer ses revenus en ligne' }],
        },
        'POST /api/tickets/42/tutorials/simuler-ses-droits-caf/texts': {
          status: 201,
          body: { status: 'SENT' },
        },
      });
      const user = userEvent.setup();
      renderWithProviders(<ConsolePage me={me} />);

      const picker = await screen.findByRole('region', { name: 'Tutoriels à envoyer' });
      expect(within(picker).getByText('Suggestions pour le thème de la demande :')).toBeInTheDocument();
      expect(
        await within(picker).findByRole('link', { name: 'Simuler ses droits aux aides' }),
      ).toHaveAttribute('href', '/tutoriels/simuler-ses-droits-caf');
      expect(within(picker).getByText('Envoyé 3 fois · lien ouvert 2 fois')).toBeInTheDocument();
      await user.click(
        within(picker).getByRole('button', { name: 'Envoyer par SMS : Simuler ses droits aux aides' }),
      );
      expect(
        await within(picker).findByText(
          'Tutoriel « Simuler ses droits aux aides » envoyé par SMS, depuis le numéro de Passerelle.',
        ),
      ).toBeInTheDocument();
      expect(
        server.requests.some((r) => r.method === 'POST' && r.path.endsWith('/simuler-ses-droits-caf/texts')),
      ).toBe(true);

      await user.type(within(picker).getByLabelText('Chercher un tutoriel'), 'impôts');
      await user.click(within(picker).getByRole('button', { name: 'Chercher' }));
      expect(
        await within(picker).findByRole('link', { name: 'Déclarer ses revenus en ligne' }),
      ).toBeInTheDocument();
      expect(within(picker).getByText('Résultats pour « impôts » :')).toBeInTheDocument();
    });

    it('tells screen readers when a colleague hands a request over', async () => {
      let current = state();
      fakeServer({ ...routes(() => current), 'GET /api/tickets/42': details });
      renderWithProviders(<ConsolePage me={me} />);
      await screen.findByRole('radio', { name: 'Disponible' });
      expect(screen.queryByText(/Demande entre vos mains/)).not.toBeInTheDocument();

      current = state({ held: [held] });
      act(() =>
        channel.handlers!.onEvent({ type: 'TICKET', ticketId: 42, status: 'ASSIGNED', expiresAt: null }),
      );

      expect(await screen.findByText('Demande entre vos mains : K7F-42Q.')).toBeInTheDocument();
      expect(await screen.findByRole('heading', { name: 'Demande en cours : K7F-42Q' })).toBeInTheDocument();
    });

    it('shows a coordinator the requests handed over to them, without a call button', async () => {
      fakeServer({
        ...routes(() => state({ presence: null, qualified: false, territories: null, held: [held] })),
        'GET /api/tickets/42': details,
      });
      renderWithProviders(<ConsolePage me={{ ...me, role: 'COORDINATOR' }} />);

      expect(
        await screen.findByRole('heading', { name: 'Demandes qui vous ont été transmises' }),
      ).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'Demande en cours : K7F-42Q' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Appeler la personne' })).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: /Rendre à la file/ })).toBeInTheDocument();
      expect(screen.queryByRole('radio', { name: 'Disponible' })).not.toBeInTheDocument();
    });
  });
});
