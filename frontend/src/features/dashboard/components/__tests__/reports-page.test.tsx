import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Me } from '../../../../lib/auth';
import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { parisToday } from '../../format';
import { presets, previousPeriod } from '../../periods';
import ReportsPage from '../reports-page';

// Charts draw on a canvas, which jsdom has not: the test checks what they were given.
const charts = vi.hoisted(() => ({ configs: [] as { type: string; data: { labels: string[] } }[] }));
vi.mock('chart.js', () => ({
  registerables: [],
  Chart: class {
    static register() {}
    constructor(_canvas: unknown, config: { type: string; data: { labels: string[] } }) {
      charts.configs.push(config);
    }
    destroy() {}
  },
}));

const coordinator = {
  id: 1,
  email: 'coordination@passerelle.demo',
  displayName: 'Claire Martin',
  role: 'COORDINATOR',
  regionCode: null,
  regionName: null,
  approved: true,
} as Me;

function summary(from: string, to: string, calls: number) {
  return {
    from,
    to,
    region: null,
    calls,
    offered: 10,
    answered: 8,
    abandoned: 1,
    shortAbandoned: 0,
    abandonmentRate: 0.1,
    serviceLevel: 0.875,
    serviceLevelThresholdSeconds: 60,
    speedOfAnswerSeconds: { mean: 37.5, p50: 20, p90: 90, max: 90 },
    callbackRequests: 4,
    callbackRequestsByChannel: { PHONE: 2, WEB: 1, QUEUE: 1, FOLLOW_UP: 0 },
    firstAttemptWithin24hRate: null,
    resolutionRate: 0.5,
    repeatCallers: 1,
  };
}

function row(key: string, calls: number) {
  return {
    key,
    calls,
    offered: calls,
    answered: calls - 1,
    abandoned: 1,
    shortAbandoned: 0,
    abandonmentRate: 0.1,
    serviceLevel: null,
    meanWaitSeconds: 12.5,
    p90WaitSeconds: null,
    maxWaitSeconds: 30,
    missed: 1,
    requests: calls + 1,
    callbackRequests: 1,
    firstAttemptWithin24hRate: null,
    closedRequests: 1,
    resolutionRate: 1,
    redirectionRate: 0,
    repeatCallers: 0,
  };
}

function routes(from: string, to: string, region = '') {
  const q = `from=${from}&to=${to}${region}`;
  return {
    [`GET /api/statistics/summary?${q}`]: { status: 200, body: summary(from, to, 42) },
    [`GET /api/statistics/days?${q}`]: {
      status: 200,
      body: { from, to, region: null, rows: [row(from, 5), row(to, 7)] },
    },
    [`GET /api/statistics/hours?${q}`]: {
      status: 200,
      body: {
        from,
        to,
        region: null,
        rows: [
          {
            dayOfWeek: 1,
            hour: 10,
            occurrences: 1,
            calls: 6,
            offered: 5,
            answered: 4,
            abandoned: 1,
            missed: 2,
            callbackRequests: 3,
            volunteersOnShift: 2.5,
            volunteersAvailable: 1.5,
          },
        ],
      },
    },
    [`GET /api/statistics/themes?${q}`]: {
      status: 200,
      body: { from, to, region: null, rows: [row('CAF', 9)] },
    },
    [`GET /api/statistics/departements?${q}`]: {
      status: 200,
      body: { from, to, region: null, rows: [row('35', 4), row('974', 2)] },
    },
    [`GET /api/statistics/volunteers?${q}`]: {
      status: 200,
      body: {
        from,
        to,
        region: null,
        rows: [
          {
            id: 4,
            name: 'Léa Bernard',
            answered: 3,
            callbacksMade: 2,
            callbacksReached: 1,
            availableHours: 4,
            handlingTimeSeconds: 395,
            occupancy: 0.25,
          },
        ],
      },
    },
    [`GET /api/statistics/outcomes?${q}`]: {
      status: 200,
      body: {
        from,
        to,
        region: null,
        forms: 2,
        answers: { completion: { finalisee: 1, oriente_vers_structure: 1 } },
      },
    },
  };
}

const definitions = {
  calls: { label: 'Appels reçus', definition: 'Appels au numéro d’aide commencés pendant la période.' },
  abandonmentRate: {
    label: 'Taux d’abandon',
    definition: 'Appels abandonnés ÷ (appels mis en attente − abandons courts).',
  },
  'speedOfAnswerSeconds.p90': {
    label: 'Attente avant réponse, 9 appels sur 10 (secondes)',
    definition: '90e centile.',
  },
};

describe('ReportsPage', () => {
  beforeEach(() => {
    charts.configs = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as never);
  });

  /** The last seven days' report, once its summary is shown. */
  async function lastSevenDays() {
    const { from, to } = presets(parisToday()).last7Days;
    fakeServer({
      ...routes(from, to),
      'GET /api/statistics/definitions': { status: 200, body: definitions },
      'GET /api/territory/regions': { status: 200, body: [{ code: '53', name: 'Bretagne' }] },
      'GET /api/territory/departements': {
        status: 200,
        body: [
          { code: '35', name: 'Ille-et-Vilaine', regionCode: '53' },
          { code: '974', name: 'La Réunion', regionCode: '04' },
        ],
      },
      'GET /api/topics': { status: 200, body: [{ code: 'CAF', nameFr: 'CAF et prestations sociales' }] },
    });
    const user = userEvent.setup();
    renderWithProviders(<ReportsPage me={coordinator} />);
    const summaryTable = await screen.findByRole('table', { name: 'Synthèse' });
    return { from, to, user, summaryTable };
  }

  // The report is a large page (a map of 101 départements, a heat map, tables) that jsdom
  // queries slowly: each test reads one part of it, with room on a busy machine.
  it('shows every figure beside its definition, and a chart switched to its table and exported', async () => {
    const { from, to, user, summaryTable } = await lastSevenDays();
    expect(
      within(summaryTable).getByRole('row', { name: /Appels reçus 42 Appels au numéro d’aide/ }),
    ).toBeVisible();
    expect(within(summaryTable).getByRole('row', { name: /Taux d’abandon 10\s%/ })).toBeVisible();
    expect(
      within(summaryTable).getByRole('row', { name: /9 appels sur 10 \(secondes\) 90 90e centile/ }),
    ).toBeVisible();

    const byDay = screen.getByRole('region', { name: 'Par jour' });
    expect(within(byDay).getByRole('img', { name: /Graphique : Par jour/ })).toBeVisible();
    expect(charts.configs.find((config) => config.type === 'line')?.data.labels).toEqual([from, to]);
    await user.click(within(byDay).getByRole('button', { name: 'Afficher le tableau : Par jour' }));
    expect(within(byDay).getByRole('table', { name: 'Jour' })).toBeVisible();
    expect(within(byDay).getByRole('button', { name: 'Afficher le graphique : Par jour' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(byDay).getByRole('link', { name: 'Exporter en CSV : Par jour' })).toHaveAttribute(
      'href',
      `/api/statistics/days.csv?from=${from}&to=${to}&separator=semicolon&decimal=comma`,
    );
  }, 20_000);

  it('shows coverage as a heat map, the départements on a map, the volunteers and the outcome forms', async () => {
    const { user } = await lastSevenDays();
    const byHour = screen.getByRole('region', { name: 'Par heure de la semaine' });
    const heat = within(byHour).getByRole('table', {
      name: /Appels reçus par jour de la semaine et par heure/,
    });
    expect(within(heat).getByRole('row', { name: /^lundi/ })).toHaveTextContent('6');
    await user.selectOptions(
      within(byHour).getByRole('combobox', { name: 'Chiffre affiché' }),
      'volunteersOnShift',
    );
    expect(within(byHour).getByRole('table', { name: /Bénévoles de permanence/ })).toHaveTextContent('2,5');

    const byDepartement = screen.getByRole('region', { name: 'Par département' });
    expect(within(byDepartement).getByRole('img', { name: 'Demandes par département' })).toBeVisible();
    await user.click(
      within(byDepartement).getByRole('button', { name: 'Afficher le tableau : Par département' }),
    );
    expect(within(byDepartement).getByRole('row', { name: /La Réunion \(974\)/ })).toBeVisible();

    expect(screen.getByRole('row', { name: /Léa Bernard 3 2 1 4 395 25\s%/ })).toBeVisible();
    expect(screen.getByRole('table', { name: 'Démarche finalisée ?' })).toHaveTextContent('Oui, finalisée');
  }, 20_000);

  it('writes the CSV exports with the separators chosen', async () => {
    const { from, to, user } = await lastSevenDays();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Séparateur' }), 'comma');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Séparateur décimal' }), 'point');
    expect(screen.getByRole('link', { name: /Compte rendu d’activité national/ })).toHaveAttribute(
      'href',
      `/api/statistics/activity-report.csv?from=${from}&to=${to}&separator=comma&decimal=point`,
    );
  }, 20_000);

  it('opens last month in one click and compares it with the month before', async () => {
    const today = parisToday();
    const month = presets(today).lastMonth;
    const before = previousPeriod({ ...month, region: null });
    const seven = presets(today).last7Days;
    const server = fakeServer({
      ...routes(seven.from, seven.to),
      ...routes(month.from, month.to),
      [`GET /api/statistics/summary?from=${before.from}&to=${before.to}`]: {
        status: 200,
        body: summary(before.from, before.to, 30),
      },
      'GET /api/statistics/definitions': { status: 200, body: definitions },
      'GET /api/territory/regions': { status: 200, body: [] },
      'GET /api/territory/departements': { status: 200, body: [] },
      'GET /api/topics': { status: 200, body: [] },
    });
    const user = userEvent.setup();
    renderWithProviders(<ReportsPage me={coordinator} />);
    await screen.findByRole('table', { name: 'Synthèse' });

    await user.click(screen.getByRole('checkbox', { name: 'Comparer avec la période précédente' }));
    await user.click(screen.getByRole('button', { name: 'Mois dernier' }));

    const summaryTable = await screen.findByRole('table', { name: 'Synthèse' });
    expect(await within(summaryTable).findByRole('row', { name: /Appels reçus 42 30/ })).toBeVisible();
    expect(server.requests.map((r) => r.path)).toContain(
      `/api/statistics/summary?from=${month.from}&to=${month.to}`,
    );
  }, 20_000);

  it('computes the quick periods and the previous one by the calendar', () => {
    expect(presets('2027-03-10')).toEqual({
      yesterday: { from: '2027-03-09', to: '2027-03-09' },
      last7Days: { from: '2027-03-04', to: '2027-03-10' },
      lastMonth: { from: '2027-02-01', to: '2027-02-28' },
      lastYear: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(previousPeriod({ from: '2027-02-01', to: '2027-02-28', region: '53' })).toEqual({
      from: '2027-01-01',
      to: '2027-01-31',
      region: '53',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31', region: null })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      region: null,
    });
    expect(previousPeriod({ from: '2027-03-04', to: '2027-03-10', region: null })).toEqual({
      from: '2027-02-25',
      to: '2027-03-03',
      region: null,
    });
  });
});
