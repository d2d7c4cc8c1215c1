import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { OutcomeForm } from '../outcome-form';

describe('OutcomeForm', () => {
  it('sends the codes of the national activity report', async () => {
    const server = fakeServer({ 'PUT /api/tickets/7/outcome': { status: 200, body: {} } });
    const saved = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<OutcomeForm ticketId={7} onSaved={saved} />);

    await user.click(screen.getByRole('checkbox', { name: 'Social - Santé' }));
    await user.click(screen.getByRole('checkbox', { name: 'Téléphone' }));
    await user.click(screen.getByRole('radio', { name: 'Plutôt autonome' }));
    expect(screen.queryByRole('group', { name: /orientée/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Non : orientée vers une autre structure' }));
    await user.click(screen.getByRole('radio', { name: /France Services/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le compte rendu' }));

    await vi.waitFor(() => expect(saved).toHaveBeenCalled());
    const put = server.requests.find((request) => request.method === 'PUT');
    expect(JSON.parse(put!.body)).toEqual({
      supportType: 'demarche_administrative',
      durationMinutes: 30,
      procedureThemes: ['social_sante'],
      supportThemes: [],
      equipment: ['telephone'],
      autonomy: 'autonome',
      completion: 'oriente_vers_structure',
      redirection: 'aide_aux_demarches_administratives',
    });
  });

  it('shows why the server refused the form', async () => {
    fakeServer({
      'PUT /api/tickets/7/outcome': problem(400, 'Indiquez le matériel utilisé (ou « Pas de matériel »).'),
    });
    const user = userEvent.setup();
    renderWithProviders(<OutcomeForm ticketId={7} onSaved={() => {}} />);

    await user.click(screen.getByRole('button', { name: 'Enregistrer le compte rendu' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Indiquez le matériel utilisé');
  });
});
