import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { TrainingChecklist } from '../training-checklist';

describe('TrainingChecklist', () => {
  it('shows what is left to do and accepts the charter', async () => {
    const training = {
      approvedAt: null,
      charterAcceptedAt: null as string | null,
      practiceCalls: 1,
      practiceCallsRequired: 2,
      trainedAt: null,
    };
    const server = fakeServer({
      'GET /api/volunteers/me/training': () => ({ status: 200, body: training }),
      'POST /api/volunteers/me/charter': () => {
        training.charterAcceptedAt = '2027-03-01T09:30:00Z';
        return { status: 200, body: training };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<TrainingChecklist />);

    expect(await screen.findByText(/faire 2 appels d’entraînement \(1 sur 2\)/)).toBeInTheDocument();
    expect(screen.getByText(/ne demande jamais de mot de passe/)).toBeInTheDocument();
    expect(
      screen.getByText('La coordination de votre région examine votre inscription.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'J’ai lu la charte et je m’engage à la respecter' }));

    expect(await screen.findByText('lire et accepter la charte des bénévoles.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /J’ai lu la charte/ })).not.toBeInTheDocument();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(true);
    expect(screen.getByRole('link', { name: 'Ouvrir le téléphone d’entraînement' })).toHaveAttribute(
      'href',
      '/telephone',
    );
  });
});
