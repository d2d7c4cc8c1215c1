import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n, type Language } from '../../../lib/i18n/i18n';
import { useVolunteerProfile } from '../api/get-volunteer-profile';
import { useShifts } from '../api/shifts';
import { CallPhoneSection } from './call-phone-section';
import { ChangePasswordForm } from './change-password-form';
import { SessionsSection } from './sessions-section';
import { ShiftsForm } from './shifts-form';
import { TwoFactorSection } from './two-factor-section';

/**
 * "Mon compte": who I am on Passerelle, my volunteer profile, my password, my two-factor authentication and where I am
 * signed in. `onSecurityChanged` refreshes who I am once the password or the two-factor authentication changed.
 */
export function AccountPage({ me, onSecurityChanged }: { me: Me; onSecurityChanged: () => void }) {
  const { t, language } = useI18n();
  const profile = useVolunteerProfile(me.role === 'VOLUNTEER');
  const shifts = useShifts(me.role === 'VOLUNTEER' && profile.isSuccess);
  return (
    <Page title={t('account.title')}>
      {me.passwordChangeRequired && <Notice kind="info">{t('account.mustChangePassword')}</Notice>}
      {!me.passwordChangeRequired && me.twoFactorSetupRequired && (
        <Notice kind="info">{t('twoFactor.mustSetUp')}</Notice>
      )}
      <h2>{t('account.identity')}</h2>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{me.displayName}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${me.role}`)}</dd>
      </dl>
      {me.role === 'VOLUNTEER' && (
        <>
          <h2>{t('account.volunteerProfile')}</h2>
          {profile.isError && <Notice kind="error">{errorMessage(profile.error, t)}</Notice>}
          {profile.data && (
            <dl className="facts">
              <dt>{t('account.departement')}</dt>
              <dd>
                {profile.data.departementName} ({profile.data.departementCode})
              </dd>
              <dt>{t('account.skills')}</dt>
              <dd>{profile.data.skills.join(', ')}</dd>
              <dt>{t('account.languages')}</dt>
              <dd>{profile.data.languages.map((code) => languageName(code, language)).join(', ')}</dd>
              <dt>{t('account.capacity')}</dt>
              <dd>{profile.data.capacity}</dd>
              <dt>{t('account.served')}</dt>
              <dd>
                {[
                  ...profile.data.served,
                  ...(profile.data.servesNationally ? [t('account.wholeCountry')] : []),
                ].join(', ') || '—'}
              </dd>
              <dt>{t('signUp.phone')}</dt>
              <dd>{profile.data.maskedPhone ?? '—'}</dd>
            </dl>
          )}
          {profile.data && (
            <>
              <h2>{t('console.shifts.title')}</h2>
              <p className="hint">{t('shifts.intro')}</p>
              {shifts.isError && <Notice kind="error">{errorMessage(shifts.error, t)}</Notice>}
              <ShiftsForm shifts={shifts.data} />
            </>
          )}
        </>
      )}
      {me.role !== 'VOLUNTEER' && me.approved && !me.passwordChangeRequired && !me.twoFactorSetupRequired && (
        <CallPhoneSection />
      )}
      <h2>{t('account.changePassword')}</h2>
      <ChangePasswordForm onChanged={onSecurityChanged} />
      {!me.passwordChangeRequired && <TwoFactorSection onChanged={onSecurityChanged} />}
      <SessionsSection />
    </Page>
  );
}

/** A language's name, in the app's language (its code when the browser does not know it). */
function languageName(code: string, language: Language) {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
