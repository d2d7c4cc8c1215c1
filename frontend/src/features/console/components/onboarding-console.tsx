import { Page } from '../../../components/ui/page';
import { useRefreshMe } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n/i18n';
import { TrainingChecklist } from './training-checklist';

/**
 * What a volunteer who signed up sees in place of the console until a coordinator approves them: what is left to do.
 * Nothing of the queue: their account reaches only its onboarding.
 */
export function OnboardingConsole() {
  const { t } = useI18n();
  const refreshMe = useRefreshMe();
  return (
    <Page title={t('console.title')}>
      <p className="reminder">{t('console.reminder')}</p>
      <p>{t('console.training.consoleAfterApproval')}</p>
      <TrainingChecklist onApproved={() => void refreshMe()} />
    </Page>
  );
}
