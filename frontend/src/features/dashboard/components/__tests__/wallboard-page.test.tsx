import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Me } from '../../../../lib/auth';
import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { Wallboard } from '../../api/wallboard';
import WallboardPage from '../wallboard-page';

// The live topic is the server's to push: the test plays it through the hook's callback.
const live = vi.hoisted(() => ({
  destination: undefined as string | undefined,
  push: (() => {}) as (body: unknown) => void,
}));
vi.mock('../../live/live-topic', () => ({
  useLiveTopic: (destination: string, onMessage: (body: unknown) => void) => {
    live.destination = destination;
    live.push = onMessage;
    return 'connected';
  },
}));

const national: Me = {
  id: 1,
  email: 'coordination@passerelle.demo',
  displayName: 'Claire Martin',
  role: 'COORDINATOR',
  regionCode: null,
  regionName: null,
  approved: true,
  passwordChangeRequired: false,
  twoFactorSetupRequired: false,
  twoFactorEnabled: true,
} as Me;

const targets = {
  serviceLevelThresholdSeconds: 60,
  serviceLevel: 0.8,
  abandonmentRate: 0.08,
  firstAttemptWithin24hRate: 0.9,
};

function board(overrides: Partial<Wallboard> = {}): Wallboard {
  return {
    scope: 'FR',
    region: null,
    updatedAt: '2027-03-01T09:30:00Z',
    todayCountedAt: '2027-03-01T09:29:55Z',
    queue: {
      callersWaiting: 2,
      longestWaitSince: new Date(Date.now() - 125000).toISOString(),
      callbacksDue: 7,
      oldestCallbackSince: null,
    },
    volunteers: { available: 3, inCall: 2, wrapUp: 1, onBreak: 1, onShiftOffline: 4 },
    today: {
      calls: 40,
      offered: 30,
      answered: 25,
      abandoned: 3,
      shortAbandoned: 1,
      abandonmentRate: 0.1034,
      serviceLevel: 0.75,
      missed: 5,
      callbackRequests: 12,
    },
    firstAttemptWithin24hRate: 0.95,
    targets,
    status: { serviceLevel: 'WARNING', abandonmentRate: 'BAD', firstAttemptWithin24hRate: 'GOOD' },
    areas: [
      {
        code: '53',
        name: 'Bretagne',
        queue: { callersWaiting: 1, longestWaitSince: null, callbacksDue: 2, oldestCallbackSince: null },
        volunteers: { available: 1, inCall: 0, wrapUp: 0, onBreak: 0, onShiftOffline: 0 },
        today: { ...board0Today() },
      },
    ],
    alerts: [],
    ...overrides,
  };
}

function board0Today() {
  return {
    calls: 4,
    offered: 3,
    answered: 3,
    abandoned: 0,
    shortAbandoned: 0,
    abandonmentRate: 0,
    serviceLevel: 1,
    missed: 0,
    callbackRequests: 1,
  };
}

const definitions = {
  offered: { label: 'Appels mis en attente', definition: 'Appels arrivés dans la file.' },
  answered: { label: 'Appels répondus', definition: 'Mis en relation.' },
  abandoned: { label: 'Appels abandonnés', definition: 'Raccroché pendant l’attente.' },
  serviceLevel: {
    label: 'Niveau de service',
    definition: 'Répondus dans le délai ÷ (répondus + abandonnés après).',
  },
  abandonmentRate: {
    label: 'Taux d’abandon',
    definition: 'Abandonnés ÷ (mis en attente − abandons courts).',
  },
  missed: { label: 'Appels sans bénévole', definition: 'Sans bénévole.' },
  callbackRequests: { label: 'Demandes de rappel', definition: 'Demandes de rappel.' },
  firstAttemptWithin24hRate: { label: 'Premier essai de rappel en 24 h', definition: 'Dans les 24 heures.' },
  callersWaiting: { label: 'Appelants en attente', definition: 'Personnes en ligne dans la file.' },
  callbacksDue: { label: 'Rappels à faire', definition: 'Demandes de rappel qui attendent.' },
  'volunteers.available': { label: 'Bénévoles disponibles', definition: 'Disponibles.' },
  'volunteers.inCall': { label: 'Bénévoles en appel', definition: 'Au téléphone.' },
  'volunteers.wrapUp': { label: 'Bénévoles en clôture', definition: 'Terminent une demande.' },
  'volunteers.onBreak': { label: 'Bénévoles en pause', definition: 'En pause.' },
  'volunteers.onShiftOffline': { label: 'De permanence hors ligne', definition: 'Hors ligne en permanence.' },
};

function server(wallboard: Wallboard = board()) {
  return fakeServer({
    'GET /api/statistics/wallboard': { status: 200, body: wallboard },
    'GET /api/statistics/wallboard?region=53': { status: 200, body: board({ scope: '53', region: '53' }) },
    'GET /api/statistics/definitions': { status: 200, body: definitions },
    'GET /api/territory/regions': { status: 200, body: [{ code: '53', name: 'Bretagne' }] },
    'GET /api/statistics/targets': { status: 200, body: targets },
    'PUT /api/statistics/targets': (request) => ({ status: 200, body: JSON.parse(request.body) }),
    'GET /api/statistics/alerts/subscription': { status: 200, body: { masked: null } },
    'PUT /api/statistics/alerts/subscription': { status: 200, body: { masked: '06 •• •• •• 78' } },
    'DELETE /api/statistics/alerts/subscription': { status: 204 },
  });
}

describe('WallboardPage', () => {
  it('shows the service now in words and figures, each against its target and with its definition', async () => {
    server();
    const user = userEvent.setup();
    renderWithProviders(<WallboardPage me={national} />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tableau de bord – France entière' }),
    ).toBeVisible();
    const now = screen.getByRole('region', { name: 'Maintenant' });
    expect(within(now).getByText('Appelants en attente').nextSibling).toHaveTextContent('2');
    expect(within(now).getByText(/Attente la plus longue : 2 min 0[0-9] s/)).toBeVisible();
    const today = screen.getByRole('region', { name: 'Aujourd’hui' });
    expect(within(today).getByText('Chiffres du jour comptés à 10:29:55')).toBeVisible();
    expect(within(today).getByText('75 %')).toBeVisible();
    expect(within(today).getByText('Proche de l’objectif (80 % en 60 s)')).toBeVisible();
    expect(within(today).getByText('Objectif manqué (≤ 8 %)')).toBeVisible();
    expect(within(today).getByText('Objectif atteint (≥ 90 %)')).toBeVisible();

    await user.click(within(today).getAllByText('Définition')[0]!);
    expect(within(today).getByText('Appels arrivés dans la file.')).toBeVisible();
    expect(live.destination).toBe('/topic/wallboard.FR');
  });

  it('follows what the server pushes, without polling', async () => {
    const fake = server();
    renderWithProviders(<WallboardPage me={national} />);
    const now = await screen.findByRole('region', { name: 'Maintenant' });
    const reads = fake.requests.filter((r) => r.path.startsWith('/api/statistics/wallboard')).length;

    act(() =>
      live.push(
        board({
          queue: { callersWaiting: 5, longestWaitSince: null, callbacksDue: 7, oldestCallbackSince: null },
          alerts: [{ rule: 'NOBODY_AVAILABLE', scope: '53', since: '2027-03-01T09:31:00Z' }],
        }),
      ),
    );

    await waitFor(() =>
      expect(within(now).getByText('Appelants en attente').nextSibling).toHaveTextContent('5'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Des appelants attendent et aucun bénévole pouvant leur répondre n’est disponible (53)',
    );
    expect(fake.requests.filter((r) => r.path.startsWith('/api/statistics/wallboard'))).toHaveLength(reads);
  });

  it('opens a région’s wallboard from the national one', async () => {
    server();
    const user = userEvent.setup();
    renderWithProviders(<WallboardPage me={national} />, { path: '/tableau-de-bord' });

    const table = await screen.findByRole('table', { name: 'Par région' });
    expect(within(table).getByRole('link', { name: 'Voir le tableau de bord de Bretagne' })).toHaveAttribute(
      'href',
      '/tableau-de-bord?region=53',
    );
    await user.click(within(table).getByRole('link', { name: 'Voir le tableau de bord de Bretagne' }));
  });

  it('shows a regional coordinator their région, and lets national ones set the targets', async () => {
    const fake = server();
    const user = userEvent.setup();
    const { unmount } = renderWithProviders(
      <WallboardPage me={{ ...national, regionCode: '53', regionName: 'Bretagne' } as Me} />,
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tableau de bord – Bretagne' }),
    ).toBeVisible();
    expect(live.destination).toBe('/topic/wallboard.53');
    expect(screen.queryByText('Objectifs')).not.toBeInTheDocument();
    unmount();

    renderWithProviders(<WallboardPage me={national} />);
    await user.click(await screen.findByText('Objectifs'));
    const threshold = await screen.findByRole('spinbutton', {
      name: 'Délai cible du niveau de service (secondes)',
    });
    await user.clear(threshold);
    await user.type(threshold, '45');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les objectifs' }));
    expect(await screen.findByText('Objectifs enregistrés.')).toBeVisible();
    expect(JSON.parse(fake.requests.find((r) => r.method === 'PUT')!.body)).toEqual({
      ...targets,
      serviceLevelThresholdSeconds: 45,
    });
  });

  it('texts the alerts to a coordinator who asks, and stops', async () => {
    const fake = server();
    const user = userEvent.setup();
    renderWithProviders(<WallboardPage me={national} />);

    await user.type(
      await screen.findByRole('textbox', { name: 'Numéro de téléphone portable' }),
      '06 12 34 56 78',
    );
    await user.click(screen.getByRole('button', { name: 'Recevoir les alertes par SMS' }));
    expect(await screen.findByText('Les alertes sont envoyées au 06 •• •• •• 78.')).toBeVisible();
    expect(fake.requests.find((r) => r.method === 'PUT')?.body).toBe('{"phone":"06 12 34 56 78"}');

    await user.click(screen.getByRole('button', { name: 'Ne plus recevoir les alertes' }));
    expect(screen.queryByText('Les alertes sont envoyées au 06 •• •• •• 78.')).not.toBeInTheDocument();
  });
});
