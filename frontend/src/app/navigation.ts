import type { NavigationItem } from '../components/layouts/app-layout';
import type { Me } from '../lib/auth';
import type { Translate } from '../lib/i18n/i18n';

/** National staff: administrators, and coordinators without a région. */
export function isNationalStaff(me: Me) {
  return me.role === 'ADMIN' || (me.role === 'COORDINATOR' && me.regionCode === null);
}

// Screens appear here, for the accounts that may use them, as they are built.
const items: { to: string; label: Parameters<Translate>[0]; shownTo: (me: Me) => boolean }[] = [
  { to: '/', label: 'nav.home', shownTo: () => true },
  { to: '/console', label: 'nav.console', shownTo: () => true },
  { to: '/telephone', label: 'nav.phone', shownTo: () => true },
  { to: '/tutoriels', label: 'nav.tutorials', shownTo: (me) => me.approved },
  { to: '/tableau-de-bord', label: 'nav.dashboard', shownTo: (me) => me.approved && me.role !== 'VOLUNTEER' },
  { to: '/statistiques', label: 'nav.statistics', shownTo: (me) => me.approved && me.role !== 'VOLUNTEER' },
  { to: '/demandes', label: 'nav.worklist', shownTo: (me) => me.approved && me.role !== 'VOLUNTEER' },
  { to: '/inscriptions', label: 'nav.applications', shownTo: (me) => me.role !== 'VOLUNTEER' },
  { to: '/benevoles', label: 'nav.volunteers', shownTo: (me) => me.approved && me.role !== 'VOLUNTEER' },
  { to: '/horaires', label: 'nav.calendar', shownTo: (me) => me.approved && me.role !== 'VOLUNTEER' },
  { to: '/menu-telephonique', label: 'nav.menu', shownTo: (me) => me.approved && me.role !== 'VOLUNTEER' },
  { to: '/rappels-et-delais', label: 'nav.policy', shownTo: (me) => me.approved && me.role !== 'VOLUNTEER' },
  { to: '/numeros-bloques', label: 'nav.blocklist', shownTo: (me) => me.approved && me.role !== 'VOLUNTEER' },
  { to: '/sms', label: 'nav.smsTemplates', shownTo: isNationalStaff },
  { to: '/droits', label: 'nav.dataSubject', shownTo: isNationalStaff },
  { to: '/comptes', label: 'nav.accounts', shownTo: (me) => me.role === 'ADMIN' },
  { to: '/journal', label: 'nav.auditLog', shownTo: (me) => me.role === 'ADMIN' },
  { to: '/compte', label: 'nav.account', shownTo: () => true },
];

export function navigationFor(me: Me, t: Translate): NavigationItem[] {
  // Until the password is changed and two-factor authentication set up where required, only "Mon compte" opens.
  const blocked = me.passwordChangeRequired || me.twoFactorSetupRequired;
  return items
    .filter((item) => !blocked || item.to === '/compte')
    .filter((item) => item.shownTo(me))
    .map((item) => ({ to: item.to, label: t(item.label) }));
}
