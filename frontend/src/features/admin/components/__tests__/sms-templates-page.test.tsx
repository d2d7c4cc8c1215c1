import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, fieldProblem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { SmsTemplatesPage } from '../sms-templates-page';

const confirmation = {
  code: 'CALLBACK_CONFIRMATION',
  body: 'Passerelle : votre demande {reference} est enregistrée.',
  updatedAt: '2027-03-01T09:30:00Z',
  placeholders: ['hotline', 'link', 'reference', 'when'],
};

describe('SmsTemplatesPage', () => {
  it('shows each text with what it may use, and saves a new wording', async () => {
    const server = fakeServer({
      'GET /api/sms-templates': { status: 200, body: [confirmation] },
      'PUT /api/sms-templates/CALLBACK_CONFIRMATION': (request) => ({
        status: 200,
        body: { ...confirmation, body: JSON.parse(request.body).body },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<SmsTemplatesPage />);

    const text = await screen.findByRole('textbox', { name: 'Texte' });
    expect(screen.getByRole('heading', { name: 'Confirmation de demande de rappel' })).toBeInTheDocument();
    expect(text).toHaveAccessibleDescription(
      /Vous pouvez utiliser : \{hotline\}, \{link\}, \{reference\}, \{when\}\./,
    );
    await user.clear(text);
    await user.type(text, 'Passerelle : demande {{reference} reçue.');
    await user.click(
      screen.getByRole('button', { name: 'Enregistrer « Confirmation de demande de rappel »' }),
    );

    expect(await screen.findByText(/Texte enregistré/)).toBeInTheDocument();
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toBe('{"body":"Passerelle : demande {reference} reçue."}');
  });

  it('says beside the text why a wording is refused', async () => {
    fakeServer({
      'GET /api/sms-templates': { status: 200, body: [confirmation] },
      'PUT /api/sms-templates/CALLBACK_CONFIRMATION': fieldProblem(
        400,
        'body',
        'Le texte utilise {nom}, que ce SMS ne connaît pas.',
        'sms.template.placeholder',
      ),
    });
    const user = userEvent.setup();
    renderWithProviders(<SmsTemplatesPage />);

    await user.click(
      await screen.findByRole('button', { name: 'Enregistrer « Confirmation de demande de rappel »' }),
    );

    // beside the text, read out with it
    const text = screen.getByRole('textbox', { name: 'Texte' });
    await waitFor(() => expect(text).toHaveAccessibleDescription(/que ce SMS ne connaît pas/));
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
