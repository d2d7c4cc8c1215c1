import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';

import { AppLayout } from '../components/layouts/app-layout';
import { Notice } from '../components/ui/notice';
import { Page } from '../components/ui/page';
import { AccountPage } from '../features/account/components/account-page';
import { AccountsPage } from '../features/admin/components/accounts-page';
import { AuditLogPage } from '../features/admin/components/audit-log-page';
import { BlocklistPage } from '../features/admin/components/blocklist-page';
import { DataSubjectPage } from '../features/admin/components/data-subject-page';
import { SmsTemplatesPage } from '../features/admin/components/sms-templates-page';
import { ForgottenPasswordPage } from '../features/auth/components/forgotten-password-page';
import { LoginPage } from '../features/auth/components/login-page';
import { NewPasswordPage } from '../features/auth/components/new-password-page';
import { ConsolePage } from '../features/console/components/console-page';
import { OnboardingConsole } from '../features/console/components/onboarding-console';
import { HomePage } from '../features/home/components/home-page';
import { ApplicationsPage } from '../features/onboarding/components/applications-page';
import { ConfirmAddressPage } from '../features/onboarding/components/confirm-address-page';
import { SignUpPage } from '../features/onboarding/components/sign-up-page';
import { PhonePage } from '../features/phone/components/phone-page';
import { TutorialEditorPage } from '../features/tutorials/components/tutorial-editor-page';
import { TutorialsPage } from '../features/tutorials/components/tutorials-page';
import { useLogout, useMe, useRefreshMe, type Me } from '../lib/auth';
import { errorMessage } from '../lib/error-message';
import { useI18n } from '../lib/i18n/i18n';
import { isNationalStaff, navigationFor } from './navigation';

// The dashboard's screens, and the charting library with them, load only when a coordinator opens them.
const WallboardPage = lazy(() => import('../features/dashboard/components/wallboard-page'));
const ReportsPage = lazy(() => import('../features/dashboard/components/reports-page'));
// coordinators' screens, loaded with them: a volunteer's console does not carry them
const VolunteersPage = lazy(() =>
  import('../features/volunteers/components/volunteers-page').then((m) => ({ default: m.VolunteersPage })),
);
const VolunteerFilePage = lazy(() =>
  import('../features/volunteers/components/volunteer-file-page').then((m) => ({
    default: m.VolunteerFilePage,
  })),
);
const CalendarPage = lazy(() =>
  import('../features/settings/components/calendar-page').then((m) => ({ default: m.CalendarPage })),
);
const WorklistPage = lazy(() =>
  import('../features/worklist/components/worklist-page').then((m) => ({ default: m.WorklistPage })),
);
const RequestPage = lazy(() =>
  import('../features/worklist/components/request-page').then((m) => ({ default: m.RequestPage })),
);
const PolicyPage = lazy(() =>
  import('../features/settings/components/policy-page').then((m) => ({ default: m.PolicyPage })),
);
const MenuPage = lazy(() =>
  import('../features/settings/components/menu-page').then((m) => ({ default: m.MenuPage })),
);

export function AppRoutes() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return <p role="status">{t('app.loading')}</p>;
  }
  if (me.isError) {
    return (
      <main id="main">
        <Notice kind="error">{errorMessage(me.error, t)}</Notice>
      </main>
    );
  }
  const user = me.data;
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  return (
    <Routes>
      <Route
        path="/login"
        element={user ? <Navigate to="/" replace /> : <LoginPage signedOut={signedOut} />}
      />
      <Route path="/inscription" element={user ? <Navigate to="/console" replace /> : <SignUpPage />} />
      <Route path="/mot-de-passe-oublie" element={<ForgottenPasswordPage />} />
      <Route path="/nouveau-mot-de-passe" element={<NewPasswordPage />} />
      <Route path="/invitation" element={<NewPasswordPage purpose="invitation" />} />
      <Route path="/confirmer-adresse" element={<ConfirmAddressPage />} />
      <Route element={user ? <SignedIn me={user} /> : <Navigate to="/login" replace />}>
        {user && <Route index element={<HomeOrPasswordChange me={user} />} />}
        {user && (
          <Route path="console" element={user.approved ? <ConsolePage me={user} /> : <OnboardingConsole />} />
        )}
        {user && <Route path="telephone" element={<PhonePage me={user} />} />}
        {user?.approved && <Route path="tutoriels" element={<TutorialsPage me={user} />} />}
        {user?.approved && <Route path="tutoriels/nouveau" element={<TutorialEditorPage me={user} />} />}
        {user?.approved && <Route path="tutoriels/:slug" element={<TutorialEditorPage me={user} />} />}
        {user && user.role !== 'VOLUNTEER' && <Route path="inscriptions" element={<ApplicationsPage />} />}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="benevoles"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <VolunteersPage />
              </Suspense>
            }
          />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="benevoles/:id"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <VolunteerFilePage />
              </Suspense>
            }
          />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="demandes"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <WorklistPage />
              </Suspense>
            }
          />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="demandes/:id"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <RequestPage />
              </Suspense>
            }
          />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="horaires"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <CalendarPage editable={isNationalStaff(user)} />
              </Suspense>
            }
          />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="menu-telephonique"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <MenuPage editable={isNationalStaff(user)} />
              </Suspense>
            }
          />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="rappels-et-delais"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <PolicyPage editable={isNationalStaff(user)} />
              </Suspense>
            }
          />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route path="numeros-bloques" element={<BlocklistPage />} />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="tableau-de-bord"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <WallboardPage me={user} />
              </Suspense>
            }
          />
        )}
        {user?.approved && user.role !== 'VOLUNTEER' && (
          <Route
            path="statistiques"
            element={
              <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                <ReportsPage me={user} />
              </Suspense>
            }
          />
        )}
        {user && isNationalStaff(user) && <Route path="sms" element={<SmsTemplatesPage />} />}
        {user && isNationalStaff(user) && <Route path="droits" element={<DataSubjectPage />} />}
        {user?.role === 'ADMIN' && <Route path="comptes" element={<AccountsPage />} />}
        {user?.role === 'ADMIN' && <Route path="journal" element={<AuditLogPage />} />}
        {user && <Route path="compte" element={<Account me={user} />} />}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function SignedIn({ me }: { me: Me }) {
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <AppLayout
      me={me}
      navigation={navigationFor(me, t)}
      loggingOut={logout.isPending}
      onLogout={() =>
        logout.mutate(undefined, { onSuccess: () => navigate('/login', { state: { signedOut: true } }) })
      }
    >
      <Outlet />
    </AppLayout>
  );
}

/** An account that must first change its password or set up two-factor authentication lands on "Mon compte". */
function HomeOrPasswordChange({ me }: { me: Me }) {
  return me.passwordChangeRequired || me.twoFactorSetupRequired ? (
    <Navigate to="/compte" replace />
  ) : (
    <HomePage me={me} />
  );
}

function Account({ me }: { me: Me }) {
  const refresh = useRefreshMe();
  return <AccountPage me={me} onSecurityChanged={() => void refresh()} />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
    </Page>
  );
}
