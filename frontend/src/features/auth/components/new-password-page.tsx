import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-client';
import { useRefreshMe } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useAcceptInvitation, useCompletePasswordReset } from '../api/password-reset';

const MIN_LENGTH = 12;

/**
 * The page a reset link or an invitation opens: the token is in the address's fragment (never sent to a server in
 * a Referer or a log), the password typed twice.
 */
export function NewPasswordPage({ purpose = 'reset' }: { purpose?: 'reset' | 'invitation' }) {
  const { t } = useI18n();
  const location = useLocation();
  const token = location.hash.replace(/^#/, '');
  const refreshMe = useRefreshMe();
  const reset = useCompletePasswordReset();
  const invitation = useAcceptInvitation();
  const complete = purpose === 'invitation' ? invitation : reset;
  const invitedHere = purpose === 'invitation';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [localError, setLocalError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if ([...password].length < MIN_LENGTH) {
      setLocalError(t('account.tooShort'));
      return;
    }
    if (password !== confirmation) {
      setLocalError(t('account.passwordsDiffer'));
      return;
    }
    setLocalError(undefined);
    // every session of the account ends, this browser's too
    complete.mutate({ token, password }, { onSuccess: () => void refreshMe() });
  }

  const linkInvalid =
    token === '' ||
    (complete.error instanceof ApiError &&
      complete.error.problem.code === (invitedHere ? 'account.invitation.invalid' : 'account.reset.invalid'));
  const serverError = complete.isError ? errorMessage(complete.error, t) : undefined;
  return (
    <main id="main" className="login">
      <p className="brand-name">{t('app.name')}</p>
      <Page title={invitedHere ? t('passwordReset.invitationTitle') : t('passwordReset.chooseTitle')}>
        {invitedHere && !complete.isSuccess && !linkInvalid && <p>{t('passwordReset.invitationIntro')}</p>}
        {complete.isSuccess ? (
          <>
            <Notice kind="success">
              {invitedHere ? t('passwordReset.invitationDone') : t('passwordReset.done')}
            </Notice>
            <p>
              <Link to="/login">{t('login.submit')}</Link>
            </p>
          </>
        ) : linkInvalid ? (
          <>
            <Notice kind="error">{token === '' ? t('passwordReset.noToken') : serverError}</Notice>
            <p>
              {invitedHere ? (
                <Link to="/login">{t('passwordReset.backToLogin')}</Link>
              ) : (
                <Link to="/mot-de-passe-oublie">{t('passwordReset.askAgain')}</Link>
              )}
            </p>
          </>
        ) : (
          <form onSubmit={submit}>
            {(localError ?? serverError) && <Notice kind="error">{localError ?? serverError}</Notice>}
            <FormField
              label={t('account.newPassword')}
              hint={t('account.newPasswordHint')}
              type="password"
              name="new-password"
              autoComplete="new-password"
              required
              minLength={MIN_LENGTH}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <FormField
              label={t('account.confirmPassword')}
              type="password"
              name="confirm-password"
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
            />
            <button type="submit" disabled={complete.isPending}>
              {complete.isPending
                ? t('account.submitting')
                : invitedHere
                  ? t('passwordReset.invitationSave')
                  : t('passwordReset.save')}
            </button>
          </form>
        )}
      </Page>
    </main>
  );
}
