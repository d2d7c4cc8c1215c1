import { Link } from 'react-router';

import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCoordinatorToDo } from '../api/to-do';

/** The signed-in staff member's starting point: who they are here, what this space is for, and what waits for them. */
export function HomePage({ me }: { me: Me }) {
  const { t } = useI18n();
  const intro = {
    VOLUNTEER: t('home.volunteerIntro'),
    COORDINATOR: t('home.coordinatorIntro'),
    ADMIN: t('home.adminIntro'),
  }[me.role];
  return (
    <Page title={t('home.title', { name: me.displayName })}>
      <p>{t('home.role', { role: t(`roles.${me.role}`) })}</p>
      {me.role === 'COORDINATOR' && (
        <p>
          {t('home.coordinatorScope', {
            scope: me.regionName ? t('scope.region', { region: me.regionName }) : t('scope.national'),
          })}
        </p>
      )}
      <p>{intro}</p>
      <p className="reminder">{t('home.reminder')}</p>
      {me.role === 'COORDINATOR' && <CoordinatorToDo />}
    </Page>
  );
}

/** Sign-ups to approve and tutorials to look after: the review reminder of tutorials not checked for 12 months. */
function CoordinatorToDo() {
  const { t } = useI18n();
  const toDo = useCoordinatorToDo();
  const items = toDo.data
    ? [
        { count: toDo.data.applications, to: '/inscriptions', label: t('home.toDoApplications') },
        { count: toDo.data.tutorialsToReview, to: '/tutoriels', label: t('home.toDoTutorialsToReview') },
        { count: toDo.data.drafts, to: '/tutoriels', label: t('home.toDoDrafts') },
      ].filter((item) => item.count > 0)
    : [];
  return (
    <section aria-labelledby="to-do-title">
      <h2 id="to-do-title">{t('home.toDoTitle')}</h2>
      {toDo.isPending && <p>{t('home.toDoLoading')}</p>}
      {toDo.isError && <p role="alert">{t('home.toDoError')}</p>}
      {toDo.data && items.length === 0 && <p>{t('home.toDoNothing')}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.label}>
              <Link to={item.to}>{t('home.toDoItem', { label: item.label, count: String(item.count) })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
