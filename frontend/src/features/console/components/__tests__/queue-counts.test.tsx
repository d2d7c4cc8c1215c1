import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderWithProviders } from '../../../../testing/render';
import type { RegionFigures } from '../../api/console-state';
import { QueueCounts, rowsForMe, totals } from '../queue-counts';

const brittany: RegionFigures = {
  region: '53',
  rows: [
    {
      departement: '29',
      topic: 'CAF',
      kind: 'LIVE_CALL',
      waiting: 2,
      offered: 1,
      oldestSince: '2027-03-01T09:10:00Z',
    },
    {
      departement: '29',
      topic: 'TAXES',
      kind: 'CALLBACK',
      waiting: 3,
      offered: 0,
      oldestSince: '2027-03-01T08:00:00Z',
    },
    {
      departement: '35',
      topic: 'CAF',
      kind: 'CALLBACK',
      waiting: 4,
      offered: 0,
      oldestSince: '2027-03-01T07:00:00Z',
    },
  ],
};

const mine = { departement: '29', departements: ['29'], regions: [], national: false };

describe('queue figures', () => {
  it('keeps the départements and régions the volunteer serves', () => {
    expect(rowsForMe([brittany], mine).map((row) => row.departement)).toEqual(['29', '29']);
    expect(rowsForMe([brittany], { ...mine, regions: ['53'] })).toHaveLength(3);
    expect(rowsForMe([brittany], { ...mine, national: true })).toHaveLength(3);
    // coordinators see all the régions they follow
    expect(rowsForMe([brittany], null)).toHaveLength(3);
  });

  it('adds up callers waiting and callbacks due, with the oldest of each', () => {
    expect(totals(brittany.rows)).toEqual({
      calls: 2,
      callbacks: 7,
      oldestCall: '2027-03-01T09:10:00Z',
      oldestCallback: '2027-03-01T07:00:00Z',
    });
  });

  it('shows the totals and a table by theme', () => {
    renderWithProviders(
      <QueueCounts figures={[brittany]} territories={mine} topicName={(code) => `Thème ${code}`} />,
    );
    expect(screen.getByTestId('waiting-calls')).toHaveTextContent('2');
    expect(screen.getByTestId('callbacks-due')).toHaveTextContent('3');
    const table = screen.getByRole('table', { name: 'Par thème' });
    expect(within(table).getByRole('rowheader', { name: 'Thème CAF' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Thème TAXES' })).toBeInTheDocument();
  });

  it('says when nobody is waiting', () => {
    renderWithProviders(<QueueCounts figures={[]} territories={mine} topicName={(code) => code} />);
    expect(screen.getByText('Personne n’attend dans vos territoires.')).toBeInTheDocument();
    expect(screen.getByTestId('waiting-calls')).toHaveTextContent('0');
  });
});
