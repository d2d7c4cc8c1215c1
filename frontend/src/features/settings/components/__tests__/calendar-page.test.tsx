import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { Calendar } from '../../api/calendar';
import { CalendarPage } from '../calendar-page';

const calendar: Calendar = {
  weekly: [
    { day: 'MONDAY', opens: '09:00:00', closes: '18:00:00' },
    { day: 'TUESDAY', opens: '09:00:00', closes: '18:00:00' },
  ],
  exceptions: [
    {
      id: 7,
      kind: 'CLOSED',
      firstDay: '2027-12-24',
      lastDay: '2027-12-26',
      opens: null,
      closes: null,
      message: 'Fermé pour les fêtes.',
    },
  ],
  version: 3,
};

describe('CalendarPage', () => {
  it('lets a national coordinator add a Saturday morning to the weekly hours', async () => {
    const server = fakeServer({
      'GET /api/settings/calendar': { status: 200, body: calendar },
      'PUT /api/settings/calendar/weekly': {
        status: 200,
        body: {
          ...calendar,
          weekly: [...calendar.weekly, { day: 'SATURDAY', opens: '09:00:00', closes: '12:00:00' }],
          version: 4,
        },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CalendarPage editable />);

    expect(await screen.findByRole('group', { name: 'Plage 1' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Ajouter une plage' }));
    expect(within(screen.getByRole('group', { name: 'Plage 3' })).getByLabelText('Jour')).toHaveValue(
      'SATURDAY',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer les horaires' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Horaires enregistrés.');
    expect(JSON.parse(server.requests.find((r) => r.method === 'PUT')!.body)).toEqual({
      slots: [
        { day: 'MONDAY', opens: '09:00', closes: '18:00' },
        { day: 'TUESDAY', opens: '09:00', closes: '18:00' },
        { day: 'SATURDAY', opens: '09:00', closes: '12:00' },
      ],
      version: 3,
    });
  });

  it('shows a day refused beside its field, then adds the closure with its message', async () => {
    let tries = 0;
    const server = fakeServer({
      'GET /api/settings/calendar': { status: 200, body: calendar },
      'POST /api/settings/calendar/exceptions': () => {
        tries += 1;
        if (tries === 1) {
          return {
            status: 400,
            body: {
              status: 400,
              detail: 'Ce jour est passé : choisissez aujourd’hui ou un jour à venir.',
              code: 'calendar.exception.past',
              fields: [
                {
                  field: 'firstDay',
                  message: 'Ce jour est passé : choisissez aujourd’hui ou un jour à venir.',
                },
              ],
            },
          };
        }
        return { status: 200, body: { ...calendar, version: 4 } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CalendarPage editable />);

    const first = await screen.findByLabelText('Premier jour');
    await user.type(first, '2027-02-01');
    await user.type(screen.getByLabelText(/Message lu au téléphone/), 'Grève des transports.');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));

    await waitFor(() => expect(first).toHaveAccessibleDescription(/Ce jour est passé/));
    expect(first).toHaveAttribute('aria-invalid', 'true');
    await user.clear(first);
    await user.type(first, '2027-03-10');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Ajoutée.'));
    expect(JSON.parse(server.requests.filter((r) => r.method === 'POST')[1]!.body)).toEqual({
      kind: 'CLOSED',
      firstDay: '2027-03-10',
      lastDay: null,
      opens: null,
      closes: null,
      message: 'Grève des transports.',
      version: 3,
    });
  });

  it('shows a regional coordinator the hours and the closures, without changing them', async () => {
    fakeServer({ 'GET /api/settings/calendar': { status: 200, body: calendar } });
    renderWithProviders(<CalendarPage editable={false} />);

    const weekly = await screen.findByRole('table', { name: 'Horaires de la semaine' });
    expect(within(weekly).getByRole('row', { name: /lundi/ })).toHaveTextContent('de 09:00 à 18:00');
    const exceptions = screen.getByRole('table', {
      name: 'Fermetures et ouvertures exceptionnelles à venir',
    });
    expect(within(exceptions).getByRole('row', { name: /Fermeture/ })).toHaveTextContent(
      'du vendredi 24 décembre 2027 au dimanche 26 décembre 2027',
    );
    expect(within(exceptions).getByRole('row', { name: /Fermeture/ })).toHaveTextContent(
      'Fermé pour les fêtes.',
    );
    expect(screen.getByText('Seule la coordination nationale les modifie.')).toBeVisible();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
