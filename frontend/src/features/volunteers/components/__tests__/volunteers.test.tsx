import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { VolunteerFile, VolunteerLine } from '../../api/volunteers';
import { VolunteerFilePage } from '../volunteer-file-page';
import { VolunteersPage } from '../volunteers-page';

const line: VolunteerLine = {
  id: 12,
  displayName: 'Jeanne Leca',
  departementCode: '2A',
  regionCode: '94',
  enabled: true,
  approved: true,
  trained: false,
  capacity: 1,
  presence: 'OFFLINE',
};

const jeanne: VolunteerFile = {
  id: 12,
  displayName: 'Jeanne Leca',
  departementCode: '2A',
  regionCode: '94',
  enabled: true,
  skills: ['CAF'],
  languages: ['fr'],
  capacity: 1,
  servedDepartements: ['2A'],
  servedRegions: [],
  servesNationally: false,
  shifts: [{ day: 'MONDAY', starts: '09:00:00', ends: '12:00:00' }],
  availableAtShiftStart: false,
  training: {
    approvedAt: '2027-02-01T10:00:00Z',
    charterAcceptedAt: null,
    practiceCalls: 0,
    practiceCallsRequired: 2,
    trainedAt: null,
  },
  trainedInPersonBy: null,
  trainedInPersonReason: null,
  version: 4,
};

const TERRITORIES = {
  'GET /api/territory/departements': {
    status: 200,
    body: [
      { code: '2A', name: 'Corse-du-Sud', regionCode: '94' },
      { code: '2B', name: 'Haute-Corse', regionCode: '94' },
      { code: '35', name: 'Ille-et-Vilaine', regionCode: '53' },
    ],
  },
  'GET /api/territory/regions': { status: 200, body: [{ code: '94', name: 'Corse' }] },
  'GET /api/topics': {
    status: 200,
    body: [
      { code: 'CAF', nameFr: 'CAF', nameEn: 'Family benefits' },
      { code: 'TAXES', nameFr: 'Impôts', nameEn: 'Taxes' },
    ],
  },
};

function renderFile() {
  return renderWithProviders(
    <Routes>
      <Route path="/benevoles/:id" element={<VolunteerFilePage />} />
    </Routes>,
    { path: '/benevoles/12' },
  );
}

describe('VolunteersPage', () => {
  it('lists the volunteers with where they stand and a link to each file', async () => {
    fakeServer({ ...TERRITORIES, 'GET /api/volunteers': { status: 200, body: [line] } });
    renderWithProviders(<VolunteersPage />);

    const table = await screen.findByRole('table', { name: 'Bénévoles (1), par nom' });
    const row = within(table).getByRole('row', { name: /Jeanne Leca/ });
    expect(row).toHaveTextContent('En formation');
    expect(row).toHaveTextContent('Hors ligne');
    await waitFor(() => expect(row).toHaveTextContent('Corse-du-Sud (2A)'));
    expect(within(row).getByRole('link', { name: 'Jeanne Leca' })).toHaveAttribute('href', '/benevoles/12');
  });
});

describe('VolunteerFilePage', () => {
  it('saves the profile with the version read', async () => {
    const server = fakeServer({
      ...TERRITORIES,
      'GET /api/volunteers/12': { status: 200, body: jeanne },
      'PUT /api/volunteers/12/profile': {
        status: 200,
        body: { ...jeanne, skills: ['CAF', 'TAXES'], capacity: 2, servedRegions: ['94'], version: 5 },
      },
    });
    const user = userEvent.setup();
    renderFile();

    expect(await screen.findByRole('heading', { level: 1, name: 'Fiche de Jeanne Leca' })).toBeVisible();
    const themes = await screen.findByRole('group', { name: 'Thèmes sur lesquels il ou elle aide' });
    await user.click(within(themes).getByLabelText('Impôts'));
    await user.selectOptions(screen.getByLabelText('Demandes en même temps'), '2');
    await user.click(await screen.findByLabelText('Toute la région Corse'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le profil' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Profil enregistré.');
    expect(JSON.parse(server.requests.find((r) => r.method === 'PUT')!.body)).toEqual({
      skills: ['CAF', 'TAXES'],
      languages: ['fr'],
      capacity: 2,
      servedDepartements: ['2A'],
      servedRegions: ['94'],
      servesNationally: false,
      version: 4,
    });
  });

  it('shows a refused value beside its field, and offers to reload a file changed meanwhile', async () => {
    let tries = 0;
    fakeServer({
      ...TERRITORIES,
      'GET /api/volunteers/12': { status: 200, body: jeanne },
      'PUT /api/volunteers/12/shifts': () => {
        tries += 1;
        if (tries === 1) {
          return {
            status: 400,
            body: {
              status: 400,
              detail: 'Deux de vos créneaux se chevauchent.',
              code: 'volunteer.shift.overlap',
              fields: [{ field: 'shifts[1]', message: 'Deux de vos créneaux se chevauchent.' }],
            },
          };
        }
        return problem(
          409,
          'Quelqu’un d’autre a modifié cette fiche entre-temps : rechargez-la, puis refaites votre modification.',
          'problem.changed-meanwhile',
        );
      },
    });
    const user = userEvent.setup();
    renderFile();

    await user.click(await screen.findByRole('button', { name: 'Ajouter un créneau' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les créneaux' }));

    const second = await screen.findByRole('group', { name: 'Créneau 2' });
    await waitFor(() => expect(second).toHaveAccessibleDescription('Deux de vos créneaux se chevauchent.'));
    expect(screen.getByRole('group', { name: 'Créneau 1' })).not.toHaveAccessibleDescription();
    expect(within(screen.getByRole('group', { name: 'Créneau 1' })).getByLabelText('Début')).toHaveValue(
      '09:00',
    );

    await user.click(screen.getByRole('button', { name: 'Retirer le créneau 2' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les créneaux' }));
    expect(await screen.findByText(/modifié cette fiche entre-temps/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Recharger la fiche' }));
    expect(await screen.findByRole('button', { name: 'Enregistrer les créneaux' })).toBeVisible();
  });

  it('vouches for a training done in person, with the reason', async () => {
    const server = fakeServer({
      ...TERRITORIES,
      'GET /api/volunteers/12': { status: 200, body: jeanne },
      'POST /api/volunteers/12/training': {
        status: 200,
        body: {
          ...jeanne,
          training: { ...jeanne.training, trainedAt: '2027-03-01T10:00:00Z' },
          trainedInPersonBy: 'Coordination Corse',
          trainedInPersonReason: 'Atelier à Ajaccio',
          version: 5,
        },
      },
    });
    const user = userEvent.setup();
    renderFile();

    await user.type(await screen.findByLabelText('Comment la formation a été faite'), 'Atelier à Ajaccio');
    await user.click(screen.getByRole('button', { name: 'Valider la formation faite en personne' }));

    expect(
      await screen.findByText('Validée en personne par Coordination Corse : « Atelier à Ajaccio »'),
    ).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Valider la formation faite en personne' }),
    ).not.toBeInTheDocument();
    expect(server.requests.find((r) => r.method === 'POST')?.body).toBe(
      '{"reason":"Atelier à Ajaccio","version":4}',
    );
  });
});
