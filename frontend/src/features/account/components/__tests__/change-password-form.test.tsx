import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeServer, problem } from '../../../../testing/fake-server';
import { renderWithProviders } from '../../../../testing/render';
import { ChangePasswordForm } from '../change-password-form';

async function fill(current: string, next: string, confirmation: string) {
  await userEvent.type(screen.getByLabelText('Mot de passe actuel'), current);
  await userEvent.type(screen.getByLabelText(/^Nouveau mot de passe/), next);
  await userEvent.type(screen.getByLabelText('Confirmez le nouveau mot de passe'), confirmation);
  await userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
}

describe('the password change form', () => {
  it('refuses two different new passwords without asking the server', async () => {
    const server = fakeServer({});
    renderWithProviders(<ChangePasswordForm onChanged={() => {}} />);

    await fill('old password 1', 'une longue phrase secrète', 'une autre phrase secrète');

    expect(screen.getByRole('alert')).toHaveTextContent('Les deux mots de passe ne sont pas identiques.');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a password shorter than 12 characters', async () => {
    const server = fakeServer({});
    renderWithProviders(<ChangePasswordForm onChanged={() => {}} />);

    await fill('old password 1', 'court', 'court');

    expect(screen.getByRole('alert')).toHaveTextContent('au moins 12 caractères');
    expect(server.requests).toHaveLength(0);
  });

  it('sends the change and confirms it', async () => {
    const server = fakeServer({ 'PUT /api/account/password': { status: 204 } });
    const onChanged = vi.fn();
    renderWithProviders(<ChangePasswordForm onChanged={onChanged} />);

    await fill('old password 1', 'une longue phrase secrète', 'une longue phrase secrète');

    expect(await screen.findByRole('status')).toHaveTextContent('Votre mot de passe a été changé.');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      currentPassword: 'old password 1',
      newPassword: 'une longue phrase secrète',
    });
    expect(onChanged).toHaveBeenCalledOnce();
    expect(screen.getByLabelText('Mot de passe actuel')).toHaveValue('');
  });

  it('marks the current password as wrong when the server says so', async () => {
    fakeServer({
      'PUT /api/account/password': problem(
        400,
        'Le mot de passe actuel est incorrect.',
        'account.password.current-wrong',
      ),
    });
    renderWithProviders(<ChangePasswordForm onChanged={() => {}} />);

    await fill('bad password 1', 'une longue phrase secrète', 'une longue phrase secrète');

    expect(await screen.findByRole('alert')).toHaveTextContent('Le mot de passe actuel est incorrect.');
    expect(screen.getByLabelText('Mot de passe actuel')).toHaveAttribute('aria-invalid', 'true');
  });
});
