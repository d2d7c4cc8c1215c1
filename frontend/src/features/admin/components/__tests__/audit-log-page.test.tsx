import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { AuditLogPage } from '../audit-log-page';

const changed = {
  id: 42,
  at: '2027-03-02T08:15:00Z',
  action: 'ACCOUNT_CHANGED',
  actor: 'admin@passerelle.test',
  clientAddress: '192.0.2.10',
  target: 'account/7',
  detail: {
    before: { role: 'VOLUNTEER', regionCode: null, enabled: true },
    after: { role: 'COORDINATOR', regionCode: '52', enabled: true },
  },
};

const failed = {
  id: 41,
  at: '2027-03-02T08:10:00Z',
  action: 'SIGN_IN_FAILED',
  actor: null,
  clientAddress: '198.51.100.4',
  target: null,
  detail: { reason: 'BadCredentialsException' },
};

const older = {
  id: 3,
  at: '2027-02-01T10:00:00Z',
  action: 'REQUEST_READ',
  actor: 'coordination@passerelle.test',
  clientAddress: '192.0.2.11',
  target: 'ticket/12',
  detail: {},
};

describe('AuditLogPage', () => {
  it('shows each entry with what changed, and pages back to older ones', async () => {
    fakeServer({
      'GET /api/admin/audit?size=50': { status: 200, body: { events: [changed, failed], nextBefore: 41 } },
      'GET /api/admin/audit?before=41&size=50': { status: 200, body: { events: [older], nextBefore: null } },
    });
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);

    const table = await screen.findByRole('table', { name: /des plus récentes aux plus anciennes/ });
    const change = within(table).getByRole('row', { name: /Compte modifié/ });
    expect(change).toHaveTextContent('admin@passerelle.test');
    expect(change).toHaveTextContent('rôle : VOLUNTEER → COORDINATOR');
    expect(change).toHaveTextContent('région : — → 52');
    expect(change).not.toHaveTextContent('actif');
    expect(change).toHaveTextContent('02/03/2027 09:15:00');
    const refusal = within(table).getByRole('row', { name: /Connexion refusée/ });
    expect(refusal).toHaveTextContent('personne de connu');
    expect(refusal).toHaveTextContent('motif : adresse ou mot de passe erroné');

    await user.click(screen.getByRole('button', { name: 'Entrées plus anciennes' }));
    expect(await within(table).findByRole('row', { name: /Demande consultée/ })).toHaveTextContent(
      'ticket/12',
    );
    expect(screen.queryByRole('button', { name: 'Entrées plus anciennes' })).not.toBeInTheDocument();
  });

  it('filters by action, person, object and days', async () => {
    const server = fakeServer({
      'GET /api/admin/audit?size=50': { status: 200, body: { events: [changed], nextBefore: null } },
      'GET /api/admin/audit?action=REQUEST_READ&actor=coordination&target=ticket%2F&from=2027-02-01&to=2027-02-28&size=50':
        { status: 200, body: { events: [older], nextBefore: null } },
    });
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);
    await screen.findByRole('table');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Demande consultée');
    await user.type(screen.getByRole('textbox', { name: 'Qui' }), 'coordination');
    await user.type(screen.getByRole('textbox', { name: 'Objet' }), 'ticket/');
    await user.type(screen.getByLabelText('Du'), '2027-02-01');
    await user.type(screen.getByLabelText('Au (inclus)'), '2027-02-28');
    await user.click(screen.getByRole('button', { name: 'Afficher' }));

    expect(await screen.findByRole('row', { name: /Demande consultée/ })).toBeInTheDocument();
    expect(server.requests.at(-1)?.path).toContain('action=REQUEST_READ');
  });

  it('says when nothing matches, and why a filter is refused', async () => {
    fakeServer({
      'GET /api/admin/audit?size=50': { status: 200, body: { events: [], nextBefore: null } },
      'GET /api/admin/audit?from=2027-03-02&to=2027-03-01&size=50': problem(
        400,
        'La fin de la période doit venir après son début.',
        'audit.period.invalid',
      ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);

    expect(await screen.findByRole('status')).toHaveTextContent('Aucune entrée ne correspond.');
    await user.type(screen.getByLabelText('Du'), '2027-03-02');
    await user.type(screen.getByLabelText('Au (inclus)'), '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(await screen.findByText('La fin de la période doit venir après son début.')).toBeInTheDocument();
  });
});
