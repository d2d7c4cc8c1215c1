import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, fieldProblem, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { StaffAccount } from '../../api/accounts';
import { AccountsPage } from '../accounts-page';

const claire: StaffAccount = {
  id: 3,
  email: 'claire@passerelle.demo',
  displayName: 'Claire Martin',
  role: 'COORDINATOR',
  regionCode: '53',
  enabled: true,
  approved: true,
  twoFactorEnabled: true,
  createdAt: '2027-01-04T09:00:00Z',
  version: 4,
  invitationExpiresAt: null,
};
const nadia: StaffAccount = {
  ...claire,
  id: 8,
  email: 'nadia@passerelle.test',
  displayName: 'Nadia Benali',
  role: 'VOLUNTEER',
  regionCode: null,
  approved: false,
  twoFactorEnabled: false,
  version: 1,
};
const REGIONS = {
  status: 200,
  body: [
    { code: '53', name: 'Bretagne' },
    { code: '76', name: 'Occitanie' },
  ],
};

describe('AccountsPage', () => {
  it('lists the accounts and moves a coordinator to another région, with the version read', async () => {
    let current = claire;
    const server = fakeServer({
      'GET /api/admin/accounts': () => ({ status: 200, body: [current, nadia] }),
      'GET /api/territory/regions': REGIONS,
      'PUT /api/admin/accounts/3': () => {
        current = { ...claire, regionCode: '76', version: 5 };
        return { status: 200, body: current };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AccountsPage />);

    const table = await screen.findByRole('table', { name: 'Comptes du personnel (2), par nom' });
    const row = within(table).getByRole('row', { name: /Claire Martin/ });
    expect(row).toHaveTextContent('Bretagne');
    expect(row).toHaveTextContent('Activée');
    expect(within(table).getByRole('row', { name: /Nadia Benali/ })).toHaveTextContent(
      'Inscription à valider',
    );

    await user.click(within(row).getByRole('button', { name: 'Modifier le compte de Claire Martin' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Compte de Claire Martin' });
    await waitFor(() => expect(heading).toHaveFocus());
    await user.selectOptions(screen.getByLabelText('Région'), 'Occitanie');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Compte de Claire Martin enregistré.');
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toBe(
      '{"role":"COORDINATOR","regionCode":"76","enabled":true,"version":4}',
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Modifier le compte de Claire Martin' })).toHaveFocus(),
    );
    expect(await screen.findByRole('row', { name: /Claire Martin/ })).toHaveTextContent('Occitanie');
  });

  it('says when someone changed the account meanwhile, and saves again once it is reloaded', async () => {
    let current = claire;
    let tries = 0;
    const server = fakeServer({
      'GET /api/admin/accounts': () => ({ status: 200, body: [current] }),
      'GET /api/territory/regions': REGIONS,
      'PUT /api/admin/accounts/3': () => {
        tries += 1;
        if (tries === 1) {
          current = { ...claire, enabled: false, version: 5 };
          return problem(
            409,
            'Quelqu’un d’autre a modifié cette fiche entre-temps : rechargez-la, puis refaites votre modification.',
            'problem.changed-meanwhile',
          );
        }
        return { status: 200, body: { ...current, role: 'ADMIN', regionCode: null, version: 6 } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AccountsPage />);

    await user.click(await screen.findByRole('button', { name: 'Modifier le compte de Claire Martin' }));
    await user.selectOptions(screen.getByLabelText('Rôle'), 'Administration');
    expect(screen.queryByLabelText('Région')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('modifié cette fiche entre-temps');
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Recharger le compte' }));
    expect(screen.getByLabelText('Rôle')).toHaveValue('COORDINATOR');
    expect(screen.getByRole('checkbox', { name: 'Compte actif (peut se connecter)' })).not.toBeChecked();

    await user.selectOptions(screen.getByLabelText('Rôle'), 'Administration');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Compte de Claire Martin enregistré.');
    expect(server.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      '{"role":"ADMIN","regionCode":null,"enabled":true,"version":4}',
      '{"role":"ADMIN","regionCode":null,"enabled":false,"version":5}',
    ]);
  });

  it('resets a lost second factor only once confirmed', async () => {
    const server = fakeServer({
      'GET /api/admin/accounts': { status: 200, body: [claire] },
      'GET /api/territory/regions': REGIONS,
      'POST /api/admin/accounts/3/two-factor/reset': {
        status: 200,
        body: { ...claire, twoFactorEnabled: false },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AccountsPage />);

    await user.click(await screen.findByRole('button', { name: 'Modifier le compte de Claire Martin' }));
    await user.click(screen.getByRole('button', { name: 'Réinitialiser la double authentification' }));
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await user.click(
      screen.getByRole('button', { name: 'Confirmer la réinitialisation pour Claire Martin' }),
    );

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Double authentification de Claire Martin réinitialisée.',
    );
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('invites a regional coordinator, then shows the invitation waiting', async () => {
    let list = [claire];
    const server = fakeServer({
      'GET /api/admin/accounts': () => ({ status: 200, body: list }),
      'GET /api/territory/regions': REGIONS,
      'POST /api/admin/accounts': (request) => {
        const invited: StaffAccount = {
          ...claire,
          id: 12,
          ...JSON.parse(request.body),
          twoFactorEnabled: false,
          version: 0,
          invitationExpiresAt: '2099-01-07T09:00:00Z',
        };
        list = [claire, invited];
        return { status: 201, body: invited };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AccountsPage />);
    await screen.findByRole('table');

    await user.click(screen.getByRole('button', { name: 'Inviter un coordinateur ou un administrateur' }));
    expect(
      screen.getByRole('heading', { name: 'Inviter un coordinateur ou un administrateur' }),
    ).toHaveFocus();
    expect(screen.getByLabelText('Rôle')).not.toHaveTextContent('Bénévole');
    await user.type(screen.getByLabelText('Prénom et nom'), 'Camille Roux');
    await user.type(screen.getByLabelText('Adresse e-mail'), 'camille@example.org');
    await user.selectOptions(screen.getByLabelText('Région'), 'Occitanie');
    await user.click(screen.getByRole('button', { name: 'Envoyer l’invitation' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Invitation envoyée à camille@example.org, valable 72 heures.',
    );
    const sent = server.requests.find((r) => r.method === 'POST' && r.path === '/api/admin/accounts');
    expect(JSON.parse(sent!.body)).toEqual({
      email: 'camille@example.org',
      displayName: 'Camille Roux',
      role: 'COORDINATOR',
      regionCode: '76',
    });
    const row = await screen.findByRole('row', { name: /Camille Roux/ });
    expect(row).toHaveTextContent('Invitation envoyée, valable jusqu’au 7 janvier 2099');
    expect(
      screen.getByRole('button', { name: 'Inviter un coordinateur ou un administrateur' }),
    ).toHaveFocus();
  });

  it('says beside the address why an invitation is refused, and keeps what was typed', async () => {
    fakeServer({
      'GET /api/admin/accounts': { status: 200, body: [claire] },
      'GET /api/territory/regions': REGIONS,
      'POST /api/admin/accounts': fieldProblem(
        409,
        'email',
        'Un compte existe déjà avec cette adresse e-mail.',
        'account.email.taken',
      ),
    });
    const user = userEvent.setup();
    renderWithProviders(<AccountsPage />);
    await screen.findByRole('table');

    await user.click(screen.getByRole('button', { name: 'Inviter un coordinateur ou un administrateur' }));
    await user.selectOptions(screen.getByLabelText('Rôle'), 'ADMIN');
    expect(screen.queryByLabelText('Région')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Prénom et nom'), 'Claire Martin');
    await user.type(screen.getByLabelText('Adresse e-mail'), 'claire@passerelle.demo');
    await user.click(screen.getByRole('button', { name: 'Envoyer l’invitation' }));

    // beside the address, read out with it
    const address = screen.getByLabelText('Adresse e-mail');
    await waitFor(() =>
      expect(address).toHaveAccessibleDescription('Un compte existe déjà avec cette adresse e-mail.'),
    );
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(address).toHaveValue('claire@passerelle.demo');
  });

  it('sends an expired invitation again', async () => {
    const invited: StaffAccount = {
      ...claire,
      id: 15,
      displayName: 'Paul Simon',
      email: 'paul@example.org',
      twoFactorEnabled: false,
      invitationExpiresAt: '2021-01-01T09:00:00Z',
    };
    const server = fakeServer({
      'GET /api/admin/accounts': { status: 200, body: [claire, invited] },
      'GET /api/territory/regions': REGIONS,
      'POST /api/admin/accounts/15/invitation': { status: 200, body: invited },
    });
    const user = userEvent.setup();
    renderWithProviders(<AccountsPage />);

    const row = await screen.findByRole('row', { name: /Paul Simon/ });
    expect(row).toHaveTextContent('Invitation expirée le 1 janvier 2021');
    await user.click(within(row).getByRole('button', { name: 'Modifier le compte de Paul Simon' }));
    await user.click(screen.getByRole('button', { name: 'Renvoyer l’invitation' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Nouvelle invitation envoyée à paul@example.org.',
    );
    expect(server.requests.some((r) => r.path === '/api/admin/accounts/15/invitation')).toBe(true);
  });
});
