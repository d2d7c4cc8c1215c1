import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { TwoFactorSection } from '../two-factor-section';

const SETUP = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  uri: 'otpauth://totp/Passerelle:claire%40passerelle.demo?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Passerelle',
};
const CODES: [string, string] = ['ABCD-EFGH-JKMN-PQRS-TVWX-YZ01', '2345-6789-ABCD-EFGH-JKMN-PQRS'];

describe('TwoFactorSection', () => {
  it('sets it up with the app: QR code and key, a code, then the recovery codes shown once', async () => {
    let enabled = false;
    const server = fakeServer({
      'GET /api/account/two-factor': () => ({
        status: 200,
        body: { enabled, mandatory: true, recoveryCodesLeft: enabled ? 10 : 0 },
      }),
      'POST /api/account/two-factor/setup': { status: 200, body: SETUP },
      'POST /api/account/two-factor/confirm': (request) => {
        if (!request.body.includes('"123456"')) {
          return problem(400, 'Ce code n’est pas celui de l’application.', 'account.two-factor.code-wrong');
        }
        enabled = true;
        return { status: 200, body: { recoveryCodes: CODES } };
      },
    });
    const changed = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<TwoFactorSection onChanged={changed} />);

    expect(await screen.findByText(/Elle est obligatoire pour votre compte/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Configurer la double authentification' }));

    expect(await screen.findByRole('img', { name: /QR code de la clé/ })).toBeInTheDocument();
    expect(screen.getByTestId('two-factor-key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    await waitFor(() => expect(screen.getByText(/1\. Installez sur votre téléphone/)).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Valider' }));
    expect(screen.getByText('Saisissez le code à six chiffres.')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/Code affiché par l’application/), '000000');
    await user.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce code n’est pas celui de l’application.');
    expect(changed).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/Code affiché par l’application/), '123456');
    await user.click(screen.getByRole('button', { name: 'Valider' }));

    const heading = await screen.findByRole('heading', { name: 'Vos codes de secours' });
    await waitFor(() => expect(heading).toHaveFocus());
    const list = screen.getByRole('list', { name: /chacun utilisable une seule fois/ });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(CODES);
    expect(changed).toHaveBeenCalledOnce();

    await user.click(screen.getByRole('button', { name: 'J’ai noté mes codes' }));
    expect(await screen.findByText('Activée. Codes de secours inutilisés : 10.')).toBeInTheDocument();
    expect(screen.queryByText(CODES[0])).not.toBeInTheDocument();
    expect(server.requests.find((r) => r.path === '/api/account/two-factor/setup')?.body).toBe('{}');
  });

  it('asks the password again to move to a new phone, and offers no way off to a coordinator', async () => {
    const server = fakeServer({
      'GET /api/account/two-factor': {
        status: 200,
        body: { enabled: true, mandatory: true, recoveryCodesLeft: 3 },
      },
      'POST /api/account/two-factor/setup': { status: 200, body: SETUP },
    });
    const user = userEvent.setup();
    renderWithProviders(<TwoFactorSection onChanged={() => undefined} />);

    await user.click(await screen.findByRole('button', { name: 'Changer de téléphone' }));
    expect(screen.getByText('Saisissez votre mot de passe pour confirmer.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Votre mot de passe, pour confirmer/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.queryByRole('button', { name: /Désactiver/ })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/Votre mot de passe, pour confirmer/), 'mon mot de passe');
    await user.click(screen.getByRole('button', { name: 'Changer de téléphone' }));
    expect(await screen.findByRole('img', { name: /QR code de la clé/ })).toBeInTheDocument();
    expect(server.requests.find((r) => r.method === 'POST')?.body).toBe('{"password":"mon mot de passe"}');
  });

  it('lets a volunteer turn it off with their password, and says a wrong password', async () => {
    let enabled = true;
    fakeServer({
      'GET /api/account/two-factor': () => ({
        status: 200,
        body: { enabled, mandatory: false, recoveryCodesLeft: 10 },
      }),
      'POST /api/account/two-factor/disable': (request) => {
        if (!request.body.includes('bon mot de passe')) {
          return problem(400, 'Le mot de passe actuel est incorrect.', 'account.password.current-wrong');
        }
        enabled = false;
        return { status: 204 };
      },
    });
    const changed = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<TwoFactorSection onChanged={changed} />);

    const password = await screen.findByLabelText(/Votre mot de passe, pour confirmer/);
    await user.type(password, 'pas celui-là');
    await user.click(screen.getByRole('button', { name: 'Désactiver la double authentification' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Le mot de passe actuel est incorrect.');

    await user.clear(password);
    await user.type(password, 'bon mot de passe');
    await user.click(screen.getByRole('button', { name: 'Désactiver la double authentification' }));
    expect(await screen.findByText('La double authentification est désactivée.')).toBeInTheDocument();
    expect(await screen.findByText(/Elle est facultative pour les bénévoles/)).toBeInTheDocument();
    expect(changed).toHaveBeenCalledOnce();
  });
});
