import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { CallPhoneSection } from '../call-phone-section';

describe('CallPhoneSection', () => {
  it('shows a number refused beside its field, then the phone saved, masked', async () => {
    let tries = 0;
    const server = fakeServer({
      'GET /api/staff/me/call-phone': { status: 200, body: { maskedPhone: null } },
      'PUT /api/staff/me/call-phone': () => {
        tries += 1;
        return tries === 1
          ? {
              status: 400,
              body: {
                status: 400,
                detail: 'Ce numéro de téléphone n’est pas valide.',
                code: 'phone.malformed',
                fields: [{ field: 'phone', message: 'Ce numéro de téléphone n’est pas valide.' }],
              },
            }
          : { status: 200, body: { maskedPhone: '06 •• •• •• 78' } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CallPhoneSection />);

    expect(
      await screen.findByText('Aucun téléphone enregistré : vous ne pouvez pas encore rappeler.'),
    ).toBeVisible();
    const field = screen.getByLabelText('Numéro de téléphone');
    await user.type(field, '12');
    await user.click(screen.getByRole('button', { name: 'Enregistrer ce téléphone' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/n’est pas valide/));

    await user.clear(field);
    await user.type(field, '06 12 34 56 78');
    await user.click(screen.getByRole('button', { name: 'Enregistrer ce téléphone' }));
    expect(
      await screen.findByText('La plateforme vous appelle au 06 •• •• •• 78.', { exact: false }),
    ).toBeVisible();
    expect(JSON.parse(server.requests.filter((r) => r.method === 'PUT')[1]!.body)).toEqual({
      phone: '06 12 34 56 78',
    });
  });
});
