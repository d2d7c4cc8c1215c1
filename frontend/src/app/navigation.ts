import type { NavigationItem } from '../components/layouts/app-layout';
import type { Role } from '../lib/auth';
import type { Translate } from '../lib/i18n/i18n';

const everyone: Role[] = ['VOLUNTEER', 'COORDINATOR', 'ADMIN'];

// Screens appear here, for the roles that may use them, as they are built.
const items: { to: string; label: Parameters<Translate>[0]; roles: Role[] }[] = [
  { to: '/', label: 'nav.home', roles: everyone },
  { to: '/telephone', label: 'nav.phone', roles: everyone },
  { to: '/compte', label: 'nav.account', roles: everyone },
];

export function navigationFor(role: Role, t: Translate): NavigationItem[] {
  return items
    .filter((item) => item.roles.includes(role))
    .map((item) => ({ to: item.to, label: t(item.label) }));
}
