import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { DataSubjectPage } from '../data-subject-page';

const file = {
  generatedAt: '2027-03-02T08:15:00Z',
  masked: '06 •• •• •• 78',
  kept: {
    hotline: [{ kind: 'text' }, { kind: 'call' }],
    requests: [{ reference: 'ABC-123' }],
    blocklist: [],
    limits: [{ limit: 'callback-number' }],
    'volunteer phones': [],
  },
};

describe('DataSubjectPage', () => {
  it('asks for the identity check, then prepares the file to download', async () => {
    const server = fakeServer({ 'POST /api/privacy/requests/access': { status: 200, body: file } });
    const user = userEvent.setup();
    renderWithProviders(<DataSubjectPage />);

    const prepare = screen.getByRole('button', { name: 'Préparer le fichier de ses données' });
    await user.type(screen.getByRole('textbox', { name: 'Numéro de la personne' }), '06 12 34 56 78');
    expect(prepare).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /J’ai vérifié que la personne/ }));
    await user.click(prepare);

    expect(await screen.findByText('Pour le 06 •• •• •• 78 :')).toBeInTheDocument();
    expect(screen.getByText('demandes : 1')).toBeInTheDocument();
    expect(screen.getByText('appels, SMS et demandes en attente : 2')).toBeInTheDocument();
    const download = screen.getByRole('link', { name: 'Télécharger le fichier, à lui envoyer' });
    expect(download).toHaveAttribute('download', 'passerelle-donnees-2027-03-02.json');
    const written = decodeURIComponent(download.getAttribute('href')!.replace(/^data:[^,]*,/, ''));
    expect(JSON.parse(written)).toEqual(file);
    expect(server.requests.at(-1)?.body).toBe('{"phone":"06 12 34 56 78"}');
  });

  it('erases, and says why it cannot while a request is open', async () => {
    let open = true;
    fakeServer({
      'POST /api/privacy/requests/erasure': () =>
        open
          ? problem(409, 'Une demande de ce numéro est encore ouverte.', 'privacy.erasure.open-request')
          : { status: 200, body: { erased: { hotline: 3, requests: 2, blocklist: 0 } } },
    });
    const user = userEvent.setup();
    renderWithProviders(<DataSubjectPage />);
    await user.type(screen.getByRole('textbox', { name: 'Numéro de la personne' }), '06 12 34 56 78');
    await user.click(screen.getByRole('checkbox', { name: /J’ai vérifié que la personne/ }));

    await user.click(screen.getByRole('button', { name: 'Effacer ses données' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Une demande de ce numéro est encore ouverte.',
    );

    open = false;
    await user.click(screen.getByRole('button', { name: 'Effacer ses données' }));
    expect(await screen.findByText(/Données effacées\./)).toHaveTextContent(
      'appels, SMS et demandes en attente : 3, demandes : 2, numéros bloqués : 0',
    );
  });
});
