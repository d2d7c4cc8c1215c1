import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useApplicants, useApprove } from '../api/onboarding';

/** Coordinators approve the sign-ups of their région (national coordinators and administrators: all). */
export function ApplicationsPage() {
  const { t, language } = useI18n();
  const applicants = useApplicants();
  const approve = useApprove();
  const when = (at: string) =>
    new Date(at).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' });
  return (
    <Page title={t('applications.title')}>
      <p>{t('applications.intro')}</p>
      {approve.isError && <Notice kind="error">{errorMessage(approve.error, t)}</Notice>}
      {approve.isSuccess && <Notice kind="success">{t('applications.approved')}</Notice>}
      {applicants.isError && <Notice kind="error">{errorMessage(applicants.error, t)}</Notice>}
      {applicants.data && applicants.data.length === 0 && <p>{t('applications.none')}</p>}
      <ul className="applicants">
        {applicants.data?.map((applicant) => (
          <li key={applicant.accountId}>
            <h2>{applicant.displayName}</h2>
            <dl className="ticket-facts">
              <div>
                <dt>{t('login.email')}</dt>
                <dd>{applicant.email}</dd>
              </div>
              <div>
                <dt>{t('signUp.departement')}</dt>
                <dd>{applicant.departement}</dd>
              </div>
              <div>
                <dt>{t('signUp.skills')}</dt>
                <dd>{applicant.skills.join(', ')}</dd>
              </div>
              <div>
                <dt>{t('signUp.languages')}</dt>
                <dd>{applicant.languages.join(', ')}</dd>
              </div>
              <div>
                <dt>{t('signUp.availability')}</dt>
                <dd>{applicant.availability ?? '—'}</dd>
              </div>
              {applicant.appliedAt && (
                <div>
                  <dt>{t('applications.appliedAt')}</dt>
                  <dd>{when(applicant.appliedAt)}</dd>
                </div>
              )}
            </dl>
            <button
              type="button"
              className="primary"
              disabled={approve.isPending}
              onClick={() => approve.mutate(applicant.accountId)}
            >
              {t('applications.approve', { name: applicant.displayName })}
            </button>
          </li>
        ))}
      </ul>
    </Page>
  );
}
