import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';

import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { Request, RequestDetails } from '../../api/worklist';
import { RequestPage } from '../request-page';
import { WorklistPage } from '../worklist-page';

const waiting: Request = {
  id: 41,
  reference: 'PAS-7K2M',
  kind: 'CALLBACK',
  topicCode: 'CAF',
  postcode: '55000',
  departementCode: '55',
  regionCode: '44',
  maskedPhone: '06 •• •• •• 78',
  firstName: 'Odette',
  priority: 0,
  status: 'QUEUED',
  createdAt: '2027-03-01T08:00:00Z',
  waitingSince: '2027-03-01T08:00:00Z',
  nextAttemptAt: null,
  attempts: 0,
  assigneeId: null,
};

const REFERENCE = {
  'GET /api/topics': {
    status: 200,
    body: [{ code: 'CAF', nameFr: 'CAF & prestations sociales', nameEn: 'CAF' }],
  },
  'GET /api/territory/departements': {
    status: 200,
    body: [{ code: '55', name: 'Meuse', regionCode: '44' }],
  },
};

const LIST =
  '/api/tickets?order=oldest&page=0&size=25&status=QUEUED&status=OFFERED&status=ASSIGNED&status=SCHEDULED';

describe('WorklistPage', () => {
  it('lists the requests oldest first, each a link, and narrows them to a département', async () => {
    const server = fakeServer({
      ...REFERENCE,
      [`GET ${LIST}`]: { status: 200, body: { items: [waiting], page: 0, size: 25, total: 1 } },
      [`GET ${LIST}&departement=55`]: { status: 200, body: { items: [], page: 0, size: 25, total: 0 } },
    });
    const user = userEvent.setup();
    renderWithProviders(<WorklistPage />);

    const table = await screen.findByRole('table', { name: '1 demandes, les plus anciennes d’abord' });
    const row = within(table).getByRole('row', { name: /PAS-7K2M/ });
    expect(row).toHaveTextContent('CAF & prestations sociales');
    expect(within(row).getByRole('link', { name: 'PAS-7K2M' })).toHaveAttribute('href', '/demandes/41');

    await user.selectOptions(await screen.findByLabelText('Département'), '55');
    expect(await screen.findByText('Aucune demande ne correspond.')).toBeVisible();
    expect(server.requests.some((r) => r.path.endsWith('&departement=55'))).toBe(true);
  });
});

describe('RequestPage', () => {
  const details: RequestDetails = {
    ticket: waiting,
    timeline: [{ at: '2027-03-01T08:00:00Z', actorId: null, type: 'CREATED', detail: null }],
    notes: [],
    outcome: null,
    earlierRequests: [],
  };

  function renderRequest() {
    return renderWithProviders(
      <Routes>
        <Route path="/demandes/:id" element={<RequestPage />} />
      </Routes>,
      { path: '/demandes/41' },
    );
  }

  it('gives a waiting request to the volunteer chosen, and prioritises it', async () => {
    const server = fakeServer({
      ...REFERENCE,
      'GET /api/tickets/41': { status: 200, body: details },
      'GET /api/tickets/41/assignees': {
        status: 200,
        body: [{ id: 7, name: 'Camille Martin', presence: 'AVAILABLE', departement: '55', nearness: 0 }],
      },
      'POST /api/tickets/41/assign': { status: 200, body: { ...waiting, status: 'ASSIGNED', assigneeId: 7 } },
      'POST /api/tickets/41/priority': { status: 200, body: { ...waiting, priority: 9 } },
    });
    const user = userEvent.setup();
    renderRequest();

    expect(await screen.findByRole('heading', { level: 1, name: 'Demande PAS-7K2M' })).toBeVisible();
    expect(screen.getByText('Demande créée')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Prioriser' }));
    expect(await screen.findByText(/Demande prioritaire/)).toBeVisible();

    await user.selectOptions(await screen.findByLabelText('Bénévole'), '7');
    await user.click(screen.getByRole('button', { name: 'Confier' }));
    expect(await screen.findByText(/Demande confiée/)).toBeVisible();
    expect(JSON.parse(server.requests.find((r) => r.path.endsWith('/assign'))!.body)).toEqual({
      volunteerId: 7,
    });
  });

  it('shows a time refused beside its field, and a reason required to cancel', async () => {
    fakeServer({
      ...REFERENCE,
      'GET /api/tickets/41': { status: 200, body: details },
      'GET /api/tickets/41/assignees': { status: 200, body: [] },
      'POST /api/tickets/41/reschedule': {
        status: 400,
        body: {
          status: 400,
          detail: 'Choisissez un moment à venir, dans les 30 jours.',
          code: 'ticket.retry.invalid-time',
          fields: [{ field: 'at', message: 'Choisissez un moment à venir, dans les 30 jours.' }],
        },
      },
      'POST /api/tickets/41/cancel': {
        status: 400,
        body: {
          status: 400,
          detail: 'Indiquez un motif.',
          fields: [{ field: 'reason', message: 'Indiquez un motif.' }],
        },
      },
    });
    const user = userEvent.setup();
    renderRequest();

    expect(await screen.findByText('Aucun ou aucune bénévole ne peut la prendre maintenant.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Reprogrammer' }));
    const at = screen.getByLabelText('Date et heure du rappel');
    await waitFor(() => expect(at).toHaveAccessibleDescription(/Choisissez un moment à venir/));
    await user.click(screen.getByRole('button', { name: 'Annuler la demande' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Motif (obligatoire)')).toHaveAccessibleDescription(/Indiquez un motif/),
    );
  });
});
