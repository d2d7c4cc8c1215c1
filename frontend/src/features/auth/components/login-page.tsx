import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { useLogin } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';

/** Sign-in form of the staff app. */
export function LoginPage({ signedOut = false }: { signedOut?: boolean }) {
  const { t } = useI18n();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ email, password });
  }

  return (
    <main id="main" className="login">
      <p className="brand-name">{t('app.name')}</p>
      <Page title={t('login.title')}>
        {signedOut && !login.isError && <Notice kind="info">{t('login.signedOut')}</Notice>}
        {login.isError && <Notice kind="error">{errorMessage(login.error, t)}</Notice>}
        <p>{t('login.intro')}</p>
        <form onSubmit={submit} noValidate={false}>
          <FormField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <FormField
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit" disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p>
          <Link to="/inscription">{t('signUp.link')}</Link>
        </p>
        <p>
          <a href="/">{t('login.backToSite')}</a>
        </p>
      </Page>
    </main>
  );
}
