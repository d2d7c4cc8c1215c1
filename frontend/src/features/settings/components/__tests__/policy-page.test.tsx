import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import type { CallbackPolicy, RoutingDelays } from '../../api/policy';
import { PolicyPage } from '../policy-page';

const callbacks: CallbackPolicy = { maxAttempts: 3, retryAfterMinutes: 120, version: 2 };

const routing: RoutingDelays = {
  liveCall: { regionAfterSeconds: 120, nationalAfterSeconds: 300, offerTimeoutSeconds: 30 },
  callback: { regionAfterSeconds: 7200, nationalAfterSeconds: 43200, offerTimeoutSeconds: 120 },
  wrapUpSeconds: 60,
  version: 4,
};

describe('PolicyPage', () => {
  it('opens a caller on the line to the région at once, in seconds for the server', async () => {
    const server = fakeServer({
      'GET /api/settings/callbacks': { status: 200, body: callbacks },
      'GET /api/settings/routing': { status: 200, body: routing },
      'PUT /api/settings/routing': { status: 200, body: { ...routing, version: 5 } },
    });
    const user = userEvent.setup();
    renderWithProviders(<PolicyPage editable />);

    const live = await screen.findByRole('group', { name: 'Personne en ligne' });
    const region = within(live).getByLabelText('Minutes avant de l’ouvrir à la région');
    expect(region).toHaveValue(2);
    await user.clear(region);
    await user.type(region, '0');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les délais' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Délais enregistrés.');
    expect(JSON.parse(server.requests.find((r) => r.method === 'PUT')!.body)).toEqual({
      ...routing,
      liveCall: { regionAfterSeconds: 0, nationalAfterSeconds: 300, offerTimeoutSeconds: 30 },
    });
  });

  it('shows an attempt count refused beside its field', async () => {
    fakeServer({
      'GET /api/settings/callbacks': { status: 200, body: callbacks },
      'GET /api/settings/routing': { status: 200, body: routing },
      'PUT /api/settings/callbacks': {
        status: 400,
        body: {
          status: 400,
          detail: 'De 1 à 10 tentatives.',
          code: 'settings.callbacks.attempts',
          fields: [{ field: 'maxAttempts', message: 'De 1 à 10 tentatives.' }],
        },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<PolicyPage editable />);

    const attempts = await screen.findByLabelText('Tentatives avant de clore une demande « injoignable »');
    await user.clear(attempts);
    await user.type(attempts, '12');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les rappels' }));

    await waitFor(() => expect(attempts).toHaveAccessibleDescription(/De 1 à 10 tentatives\./));
    expect(attempts).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a regional coordinator the settings without changing them', async () => {
    fakeServer({
      'GET /api/settings/callbacks': { status: 200, body: callbacks },
      'GET /api/settings/routing': { status: 200, body: routing },
    });
    renderWithProviders(<PolicyPage editable={false} />);

    expect(await screen.findByLabelText('Minutes avant la deuxième tentative')).toBeDisabled();
    expect(screen.getByText('Seule la coordination nationale les modifie.')).toBeVisible();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
