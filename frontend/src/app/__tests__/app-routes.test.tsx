import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeServer, problem } from '../../testing/fake-server';
import { renderWithProviders } from '../../testing/render';
import { AppRoutes } from '../app-routes';

const coordinator = {
  id: 1,
  email: 'claire@passerelle.demo',
  displayName: 'Claire Martin',
  role: 'COORDINATOR',
  regionCode: '53',
  regionName: 'Bretagne',
  passwordChangeRequired: false,
  twoFactorEnabled: false,
  twoFactorSetupRequired: false,
  approved: true,
};

describe('the staff app', () => {
  it('asks a visitor to sign in, in French', async () => {
    fakeServer({ 'GET /api/auth/me': problem(401, 'Connectez-vous.') });

    renderWithProviders(<AppRoutes />, { path: '/compte' });

    const heading = await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByLabelText('Adresse e-mail')).toBeInTheDocument();
  });

  it('shows the server’s refusal of wrong credentials', async () => {
    fakeServer({
      'GET /api/auth/me': problem(401, 'Connectez-vous.'),
      'POST /api/auth/login': problem(
        401,
        'Adresse e-mail ou mot de passe incorrect.',
        'account.login.failed',
      ),
    });
    renderWithProviders(<AppRoutes />, { path: '/login' });

    await userEvent.type(await screen.findByLabelText('Adresse e-mail'), 'claire@passerelle.demo');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
  });

  it('welcomes a regional coordinator with their role and scope after sign-in', async () => {
    const server = fakeServer({
      'GET /api/auth/me': problem(401, 'Connectez-vous.'),
      'POST /api/auth/login': { status: 200, body: coordinator },
    });
    renderWithProviders(<AppRoutes />, { path: '/login' });

    await userEvent.type(await screen.findByLabelText('Adresse e-mail'), 'claire@passerelle.demo');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bonjour Claire Martin' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Périmètre : région Bretagne')).toBeInTheDocument();
    const navigation = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(navigation).toHaveTextContent('Accueil');
    expect(navigation).toHaveTextContent('Mon compte');
    expect(navigation).not.toHaveTextContent('Textes des SMS');
    expect(server.requests.find((r) => r.path === '/api/auth/login')!.body).toBe(
      'email=claire%40passerelle.demo&password=correct+horse+battery',
    );
  });

  it('asks for the code of an account with two-factor authentication, keeping the address and password', async () => {
    let tries = 0;
    const server = fakeServer({
      'GET /api/auth/me': problem(401, 'Connectez-vous.'),
      'POST /api/auth/login': (request) => {
        tries += 1;
        if (!request.body.includes('code=')) {
          return problem(401, 'Saisissez le code de votre application.', 'account.two-factor.required');
        }
        return request.body.endsWith('code=123456')
          ? { status: 200, body: { ...coordinator, twoFactorEnabled: true } }
          : problem(401, 'Ce code n’est pas valable.', 'account.two-factor.rejected');
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { path: '/login' });

    await user.type(await screen.findByLabelText('Adresse e-mail'), 'claire@passerelle.demo');
    await user.type(screen.getByLabelText('Mot de passe'), 'correct horse battery');
    expect(screen.queryByLabelText(/Code de vérification/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    const code = await screen.findByLabelText(/Code de vérification/);
    await waitFor(() => expect(code).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('Saisissez le code de votre application.');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(screen.getByText('Saisissez le code de vérification.')).toBeInTheDocument();
    expect(tries).toBe(1);

    await user.type(code, '654321');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce code n’est pas valable.');
    expect(code).toHaveValue('');

    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bonjour Claire Martin' }),
    ).toBeInTheDocument();
    expect(server.requests.filter((r) => r.path === '/api/auth/login').map((r) => r.body)).toEqual([
      'email=claire%40passerelle.demo&password=correct+horse+battery',
      'email=claire%40passerelle.demo&password=correct+horse+battery&code=654321',
      'email=claire%40passerelle.demo&password=correct+horse+battery&code=123456',
    ]);
  });

  it('keeps a coordinator without two-factor authentication on "mon compte" until it is set up', async () => {
    fakeServer({
      'GET /api/auth/me': { status: 200, body: { ...coordinator, twoFactorSetupRequired: true } },
      'GET /api/account/two-factor': {
        status: 200,
        body: { enabled: false, mandatory: true, recoveryCodesLeft: 0 },
      },
      'GET /api/account/sessions': { status: 200, body: [] },
    });

    renderWithProviders(<AppRoutes />, { path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Mon compte' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('doit être protégé par une double authentification');
    const navigation = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(
      within(navigation)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Mon compte']);
    expect(
      await screen.findByRole('button', { name: 'Configurer la double authentification' }),
    ).toBeInTheDocument();
  });

  it('shows a volunteer awaiting approval their onboarding, not the console', async () => {
    const server = fakeServer({
      'GET /api/auth/me': {
        status: 200,
        body: { ...coordinator, role: 'VOLUNTEER', regionCode: null, regionName: null, approved: false },
      },
      'GET /api/volunteers/me/training': {
        status: 200,
        body: {
          approvedAt: null,
          charterAcceptedAt: null,
          practiceCalls: 0,
          practiceCallsRequired: 2,
          trainedAt: null,
        },
      },
    });

    renderWithProviders(<AppRoutes />, { path: '/console' });

    expect(await screen.findByRole('region', { name: 'Avant votre premier appel' })).toHaveTextContent(
      'La coordination de votre région examine votre inscription.',
    );
    expect(screen.queryByRole('radio', { name: 'Disponible' })).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Navigation principale' })).not.toHaveTextContent(
      'Tutoriels',
    );
    expect(server.requests.map((r) => r.path)).not.toContain('/api/console');
  });

  it('sends a staff member who must change their password to "mon compte"', async () => {
    fakeServer({
      'GET /api/auth/me': {
        status: 200,
        body: { ...coordinator, role: 'ADMIN', passwordChangeRequired: true },
      },
    });

    renderWithProviders(<AppRoutes />, { path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Mon compte' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('choisissez un nouveau mot de passe');
  });

  it('gives national coordinators the texts sent to citizens, and nobody else', async () => {
    fakeServer({
      'GET /api/auth/me': { status: 200, body: { ...coordinator, regionCode: null, regionName: null } },
      'GET /api/sms-templates': { status: 200, body: [] },
    });

    renderWithProviders(<AppRoutes />, { path: '/sms' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Textes des SMS' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Navigation principale' })).toHaveTextContent(
      'Textes des SMS',
    );
  });

  it('shows a volunteer their profile on "mon compte": département, themes, languages, capacity, territories', async () => {
    fakeServer({
      'GET /api/auth/me': { status: 200, body: { ...coordinator, role: 'VOLUNTEER', regionCode: null } },
      'GET /api/volunteers/me': {
        status: 200,
        body: {
          departementCode: '35',
          departementName: 'Ille-et-Vilaine',
          skills: ['Retraite', 'Santé'],
          maskedPhone: null,
          languages: ['en', 'fr'],
          capacity: 2,
          served: ['Ille-et-Vilaine (35)', 'Bretagne'],
          servesNationally: true,
        },
      },
    });

    renderWithProviders(<AppRoutes />, { path: '/compte' });

    expect(await screen.findByText('Ille-et-Vilaine (35)')).toBeInTheDocument();
    expect(screen.getByText('Retraite, Santé')).toBeInTheDocument();
    expect(screen.getByText('Langues').nextElementSibling).toHaveTextContent('anglais, français');
    expect(screen.getByText('Demandes suivies en même temps').nextElementSibling).toHaveTextContent('2');
    expect(screen.getByText('Territoires servis').nextElementSibling).toHaveTextContent(
      'Ille-et-Vilaine (35), Bretagne, toute la France (après un délai)',
    );
  });

  it('signs out and says so', async () => {
    const server = fakeServer({
      'GET /api/auth/me': { status: 200, body: coordinator },
      'POST /api/auth/logout': { status: 204 },
    });
    renderWithProviders(<AppRoutes />, { path: '/' });

    await userEvent.click(await screen.findByRole('button', { name: 'Se déconnecter' }));

    expect(await screen.findByText('Vous êtes déconnecté·e.')).toBeInTheDocument();
    expect(server.requests.some((r) => r.method === 'POST' && r.path === '/api/auth/logout')).toBe(true);
  });

  it('speaks English to an English browser', async () => {
    fakeServer({ 'GET /api/auth/me': problem(401, 'Sign in.') });

    renderWithProviders(<AppRoutes />, { path: '/login', language: 'en' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});
