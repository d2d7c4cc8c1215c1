import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { ShiftsForm } from '../shifts-form';

const current = {
  availableAtShiftStart: false,
  shifts: [{ day: 'TUESDAY' as const, starts: '14:00:00', ends: '17:00:00' }],
};

describe('ShiftsForm', () => {
  it('adds a shift, asks to go available at each start, and saves the week', async () => {
    const server = fakeServer({
      'PUT /api/volunteers/me/shifts': (request) => ({ status: 200, body: JSON.parse(request.body) }),
    });
    const user = userEvent.setup();
    renderWithProviders(<ShiftsForm shifts={current} />);

    expect(screen.getByRole('group', { name: 'Créneau 1' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ajouter un créneau' }));
    const second = screen.getByRole('group', { name: 'Créneau 2' });
    await user.selectOptions(second.querySelector('select')!, 'THURSDAY');
    await user.click(screen.getByRole('checkbox', { name: /automatiquement au début de chaque créneau/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer mes créneaux' }));

    expect(await screen.findByText('Créneaux enregistrés.')).toBeInTheDocument();
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(JSON.parse(put!.body)).toEqual({
      availableAtShiftStart: true,
      shifts: [
        { day: 'TUESDAY', starts: '14:00', ends: '17:00' },
        { day: 'THURSDAY', starts: '09:00', ends: '12:00' },
      ],
    });
  });

  it('removes a shift, and says why the server refuses the week', async () => {
    fakeServer({ 'PUT /api/volunteers/me/shifts': problem(400, 'Deux de vos créneaux se chevauchent.') });
    const user = userEvent.setup();
    renderWithProviders(<ShiftsForm shifts={current} />);

    await user.click(screen.getByRole('button', { name: 'Supprimer le créneau 1' }));
    expect(screen.queryByRole('group', { name: 'Créneau 1' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer mes créneaux' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Deux de vos créneaux se chevauchent.');
  });
});
