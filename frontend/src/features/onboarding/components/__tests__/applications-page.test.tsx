import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { ApplicationsPage } from '../applications-page';

const nadia = {
  accountId: 7,
  displayName: 'Nadia Benali',
  email: 'nadia@example.org',
  departement: '90',
  region: '27',
  languages: ['ar', 'fr'],
  availability: 'Le mardi matin',
  appliedAt: '2027-03-01T09:00:00Z',
  skills: ['CAF'],
};

describe('ApplicationsPage', () => {
  it('lists the sign-ups waiting and approves one', async () => {
    let waiting = [nadia];
    const server = fakeServer({
      'GET /api/volunteer-applications': () => ({ status: 200, body: waiting }),
      'POST /api/volunteer-applications/7/approve': () => {
        waiting = [];
        return { status: 200, body: {} };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<ApplicationsPage />);

    expect(await screen.findByRole('heading', { name: 'Nadia Benali' })).toBeInTheDocument();
    expect(screen.getByText('Le mardi matin')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Valider l’inscription de Nadia Benali' }));

    expect(await screen.findByText('Inscription validée.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Aucune inscription en attente.')).toBeInTheDocument());
    expect(server.requests.some((r) => r.method === 'POST')).toBe(true);
  });
});
