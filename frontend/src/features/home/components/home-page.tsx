import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n/i18n';

/** The signed-in staff member's starting point: who they are here and what this space is for. */
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
    </Page>
  );
}
