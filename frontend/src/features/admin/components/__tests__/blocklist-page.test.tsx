import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { BlocklistPage } from '../blocklist-page';

const blocked = {
  id: 7,
  masked: '06 •• •• •• 42',
  reason: 'Appels injurieux',
  blockedBy: 3,
  blockedAt: '2027-02-20T10:00:00Z',
};

describe('BlocklistPage', () => {
  it('blocks the number of a request found by its reference, and unblocks one', async () => {
    let list = [blocked];
    const server = fakeServer({
      'GET /api/blocked-numbers': () => ({ status: 200, body: list }),
      'GET /api/tickets?reference=ABC-123&size=1': { status: 200, body: { items: [{ id: 55 }] } },
      'POST /api/tickets/55/block': (request) => {
        const added = {
          ...blocked,
          id: 8,
          masked: '07 •• •• •• 10',
          reason: JSON.parse(request.body).reason,
        };
        list = [added, ...list];
        return { status: 201, body: added };
      },
      'DELETE /api/blocked-numbers/7': () => {
        list = list.filter((number) => number.id !== 7);
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<BlocklistPage />);

    const table = await screen.findByRole('table', { name: 'Numéros bloqués, les plus récents d’abord' });
    expect(
      within(table).getByRole('row', { name: /06 •• •• •• 42 Appels injurieux 20 février 2027/ }),
    ).toBeVisible();

    await user.type(screen.getByRole('textbox', { name: 'Référence de la demande' }), ' ABC-123 ');
    await user.type(screen.getByRole('textbox', { name: 'Motif' }), 'Menaces');
    await user.click(screen.getByRole('button', { name: 'Bloquer ce numéro' }));
    expect(await screen.findByText('Le 07 •• •• •• 10 est bloqué.')).toBeInTheDocument();
    expect(await within(table).findByRole('row', { name: /Menaces/ })).toBeVisible();
    expect(server.requests.find((r) => r.method === 'POST')?.body).toBe('{"reason":"Menaces"}');

    await user.click(screen.getByRole('button', { name: 'Débloquer le 06 •• •• •• 42' }));
    expect(await screen.findByText('Le numéro est débloqué.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Débloquer le 06 •• •• •• 42' })).not.toBeInTheDocument();
  });

  it('says beside the reference when no request has it, and why a block is refused', async () => {
    fakeServer({
      'GET /api/blocked-numbers': { status: 200, body: [] },
      'GET /api/tickets?reference=ZZZ-999&size=1': { status: 200, body: { items: [] } },
      'GET /api/tickets?reference=ABC-123&size=1': { status: 200, body: { items: [{ id: 55 }] } },
      'POST /api/tickets/55/block': problem(
        409,
        'Le numéro de cette demande a déjà été effacé : il n’y a rien à bloquer.',
        'blocklist.no-phone',
      ),
    });
    const user = userEvent.setup();
    renderWithProviders(<BlocklistPage />);
    expect(await screen.findByText('Aucun numéro n’est bloqué.')).toBeInTheDocument();

    const reference = screen.getByRole('textbox', { name: 'Référence de la demande' });
    await user.type(reference, 'ZZZ-999');
    await user.type(screen.getByRole('textbox', { name: 'Motif' }), 'Menaces');
    await user.click(screen.getByRole('button', { name: 'Bloquer ce numéro' }));
    // beside the reference, read out with it
    await waitFor(() =>
      expect(reference).toHaveAccessibleDescription(
        expect.stringContaining('Aucune demande de votre périmètre n’a cette référence.'),
      ),
    );
    expect(reference).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).toBeNull();

    await user.clear(reference);
    await user.type(reference, 'ABC-123');
    await user.click(screen.getByRole('button', { name: 'Bloquer ce numéro' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('déjà été effacé');
  });
});
