import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useRequestPasswordReset } from '../api/password-reset';

/**
 * "Mot de passe oublié": the address of the account, and a link sent to it. What the page says afterwards is the
 * same whether the address has an account or not.
 */
export function ForgottenPasswordPage() {
  const { t } = useI18n();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(email.trim());
  }

  return (
    <main id="main" className="login">
      <p className="brand-name">{t('app.name')}</p>
      <Page title={t('passwordReset.askTitle')}>
        {request.isSuccess ? (
          <Notice kind="success">{t('passwordReset.sent')}</Notice>
        ) : (
          <>
            {request.isError && <Notice kind="error">{errorMessage(request.error, t)}</Notice>}
            <p>{t('passwordReset.askIntro')}</p>
            <form onSubmit={submit}>
              <FormField
                label={t('login.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                maxLength={254}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
              <button type="submit" disabled={request.isPending}>
                {request.isPending ? t('passwordReset.sending') : t('passwordReset.send')}
              </button>
            </form>
          </>
        )}
        <p>
          <Link to="/login">{t('passwordReset.backToLogin')}</Link>
        </p>
      </Page>
    </main>
  );
}
