import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Me } from '../../../../lib/auth';
import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { HomePage } from '../home-page';

const coordinator: Me = {
  id: 3,
  email: 'coordination@passerelle.test',
  displayName: 'Claire',
  role: 'COORDINATOR',
  regionCode: '76',
  regionName: 'Occitanie',
  passwordChangeRequired: false,
  twoFactorEnabled: false,
  twoFactorSetupRequired: false,
  approved: true,
};

const tutorial = (slug: string, published: boolean, needsReview: boolean) => ({
  slug,
  published,
  needsReview,
});

describe('HomePage', () => {
  it('reminds a coordinator of the sign-ups and the tutorials waiting for them', async () => {
    fakeServer({
      'GET /api/volunteer-applications': { status: 200, body: [{ accountId: 7 }, { accountId: 8 }] },
      'GET /api/tutorials/editor': {
        status: 200,
        body: [
          tutorial('declarer-ses-revenus', true, true),
          tutorial('creer-son-compte-ameli', true, false),
          tutorial('brouillon', false, false),
        ],
      },
    });
    renderWithProviders(<HomePage me={coordinator} />);

    const toDo = await screen.findByRole('list');
    expect(
      within(toDo).getByRole('link', { name: 'Inscriptions de bénévoles à examiner : 2' }),
    ).toHaveAttribute('href', '/inscriptions');
    expect(
      within(toDo).getByRole('link', {
        name: 'Tutoriels publiés à revérifier (plus de 12 mois sans vérification) : 1',
      }),
    ).toHaveAttribute('href', '/tutoriels');
    expect(
      within(toDo).getByRole('link', { name: 'Brouillons de tutoriels à relire ou publier : 1' }),
    ).toBeVisible();
  });

  it('says when nothing waits', async () => {
    fakeServer({
      'GET /api/volunteer-applications': { status: 200, body: [] },
      'GET /api/tutorials/editor': { status: 200, body: [tutorial('creer-son-compte-ameli', true, false)] },
    });
    renderWithProviders(<HomePage me={coordinator} />);

    expect(await screen.findByText('Rien ne vous attend pour le moment.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('asks nothing of the server for a volunteer', async () => {
    const server = fakeServer({});
    renderWithProviders(
      <HomePage me={{ ...coordinator, role: 'VOLUNTEER', regionCode: null, regionName: null }} />,
    );

    expect(await screen.findByText(/vous répondrez aux personnes/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'À faire' })).not.toBeInTheDocument();
    expect(server.requests).toHaveLength(0);
  });
});
