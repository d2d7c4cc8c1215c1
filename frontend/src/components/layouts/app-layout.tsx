import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

import type { Me } from '../../lib/auth';
import { useI18n } from '../../lib/i18n/i18n';

export type NavigationItem = { to: string; label: string };

type AppLayoutProps = {
  me: Me;
  navigation: NavigationItem[];
  onLogout: () => void;
  loggingOut: boolean;
  children: ReactNode;
};

/** The frame of every signed-in screen: who is signed in, in what role, the navigation, and sign-out. */
export function AppLayout({ me, navigation, onLogout, loggingOut, children }: AppLayoutProps) {
  const { t } = useI18n();
  const scope =
    me.role === 'COORDINATOR'
      ? ` (${me.regionName ? t('scope.region', { region: me.regionName }) : t('scope.national')})`
      : '';
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="session">
          <span>
            {t('app.signedInAs', { name: me.displayName })} · {t(`roles.${me.role}`)}
            {scope}
          </span>
          <button type="button" className="link-button" onClick={onLogout} disabled={loggingOut}>
            {t('app.logout')}
          </button>
        </div>
        <nav aria-label={t('app.mainNavigation')}>
          <ul>
            {navigation.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </>
  );
}
