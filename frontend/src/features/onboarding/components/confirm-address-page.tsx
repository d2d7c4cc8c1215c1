import { Link, useLocation } from 'react-router';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useConfirmAddress } from '../api/onboarding';

/**
 * The page the sign-up's e-mail opens: the token is in the address's fragment (never sent to a server in a Referer
 * or a log). Confirming takes a press of the button, so that a mail scanner opening the link confirms nothing.
 */
export function ConfirmAddressPage() {
  const { t } = useI18n();
  const token = useLocation().hash.replace(/^#/, '');
  const confirm = useConfirmAddress();
  const invalid =
    confirm.error instanceof ApiError && confirm.error.problem.code === 'account.confirmation.invalid';
  return (
    <main id="main" className="login">
      <p className="brand-name">{t('app.name')}</p>
      <Page title={t('confirmAddress.title')}>
        {confirm.isSuccess ? (
          <>
            <Notice kind="success">{t('confirmAddress.done')}</Notice>
            <p>
              <Link to="/login">{t('confirmAddress.signIn')}</Link>
            </p>
          </>
        ) : token === '' || invalid ? (
          <>
            <Notice kind="error">
              {token === '' ? t('confirmAddress.noToken') : errorMessage(confirm.error, t)}
            </Notice>
            <p>
              <Link to="/login">{t('confirmAddress.signIn')}</Link>
            </p>
            <p>
              <Link to="/inscription">{t('confirmAddress.signUpAgain')}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t('confirmAddress.intro')}</p>
            {confirm.isError && <Notice kind="error">{errorMessage(confirm.error, t)}</Notice>}
            <button
              type="button"
              className="primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate(token)}
            >
              {confirm.isPending ? t('confirmAddress.sending') : t('confirmAddress.submit')}
            </button>
          </>
        )}
      </Page>
    </main>
  );
}
