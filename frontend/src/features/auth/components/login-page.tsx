import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-client';
import { useLogin } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';

const CODE_ASKED = new Set(['account.two-factor.required', 'account.two-factor.rejected']);

/**
 * Sign-in form of the staff app. Once the password is right, an account with two-factor authentication is asked for
 * its code (or a recovery code) in a second field, the address and password kept.
 */
export function LoginPage({ signedOut = false }: { signedOut?: boolean }) {
  const { t } = useI18n();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askingCode, setAskingCode] = useState(false);
  const [codeMissing, setCodeMissing] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const problemCode = login.error instanceof ApiError ? login.error.problem.code : undefined;

  useEffect(() => {
    if (askingCode) {
      codeInput.current?.focus();
    }
  }, [askingCode, login.error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (askingCode && code.trim() === '') {
      setCodeMissing(true);
      return;
    }
    setCodeMissing(false);
    login.mutate(askingCode ? { email, password, code } : { email, password }, {
      onError: (error) => {
        setCode('');
        if (error instanceof ApiError && CODE_ASKED.has(error.problem.code ?? '')) {
          setAskingCode(true);
        }
      },
    });
  }

  return (
    <main id="main" className="login">
      <p className="brand-name">{t('app.name')}</p>
      <Page title={t('login.title')}>
        {signedOut && !login.isError && <Notice kind="info">{t('login.signedOut')}</Notice>}
        {login.isError && (
          <Notice kind={problemCode === 'account.two-factor.required' ? 'info' : 'error'}>
            {errorMessage(login.error, t)}
          </Notice>
        )}
        <p>{t('login.intro')}</p>
        <form onSubmit={submit} noValidate={false}>
          <FormField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setAskingCode(false);
            }}
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
          {askingCode && (
            <FormField
              ref={codeInput}
              label={t('login.code')}
              hint={t('login.codeHint')}
              error={codeMissing ? t('login.codeMissing') : undefined}
              name="code"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
          <button type="submit" disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p>
          <Link to="/mot-de-passe-oublie">{t('login.forgotten')}</Link>
        </p>
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
