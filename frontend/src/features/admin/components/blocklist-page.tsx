import { useId, useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useI18n, type Translate } from '../../../lib/i18n/i18n';
import { useBlockByReference, useBlockedNumbers, useUnblock } from '../api/blocklist';

function failure(error: unknown, t: Translate) {
  if (error instanceof ApiError && error.problem.code === 'ticket.not-found' && !error.problem.detail) {
    return t('blocklist.unknownReference');
  }
  return errorMessage(error, t);
}

/**
 * "Numéros bloqués", for coordinators: the numbers whose calls hear a polite message, whose texts get no answer and
 * whose web requests are refused; a number is blocked from one of its requests (nobody types it), and unblocked
 * here.
 */
export function BlocklistPage() {
  const { t, language } = useI18n();
  const id = useId();
  const blocked = useBlockedNumbers();
  const unblock = useUnblock();
  const block = useBlockByReference();
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const when = (at: string) =>
    new Date(at).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeZone: 'Europe/Paris',
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    block.mutate(
      { reference, reason },
      {
        onSuccess: () => {
          setReference('');
          setReason('');
        },
      },
    );
  };
  return (
    <Page title={t('blocklist.title')}>
      <p>{t('blocklist.intro')}</p>
      <section aria-labelledby={`${id}-block`}>
        <h2 id={`${id}-block`}>{t('blocklist.blockHeading')}</h2>
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-reference`}>{t('blocklist.reference')}</label>
            <p id={`${id}-reference-hint`} className="hint">
              {t('blocklist.referenceHint')}
            </p>
            <input
              id={`${id}-reference`}
              value={reference}
              maxLength={10}
              required
              aria-describedby={`${id}-reference-hint`}
              onChange={(event) => setReference(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('blocklist.reason')}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              value={reason}
              maxLength={300}
              required
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          {block.isError && <Notice kind="error">{failure(block.error, t)}</Notice>}
          {block.isSuccess && (
            <Notice kind="success">{t('blocklist.blocked', { masked: block.data.masked })}</Notice>
          )}
          <button type="submit" disabled={block.isPending}>
            {t('blocklist.block')}
          </button>
        </form>
      </section>
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('blocklist.listHeading')}</h2>
        {blocked.isError && <Notice kind="error">{errorMessage(blocked.error, t)}</Notice>}
        {unblock.isError && <Notice kind="error">{errorMessage(unblock.error, t)}</Notice>}
        {unblock.isSuccess && <Notice kind="success">{t('blocklist.unblocked')}</Notice>}
        {blocked.data?.length === 0 && <p>{t('blocklist.empty')}</p>}
        {blocked.data && blocked.data.length > 0 && (
          <table>
            <caption>{t('blocklist.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('blocklist.number')}</th>
                <th scope="col">{t('blocklist.reason')}</th>
                <th scope="col">{t('blocklist.since')}</th>
                <th scope="col">{t('blocklist.action')}</th>
              </tr>
            </thead>
            <tbody>
              {blocked.data.map((number) => (
                <tr key={number.id}>
                  <th scope="row">{number.masked}</th>
                  <td>{number.reason}</td>
                  <td>{when(number.blockedAt)}</td>
                  <td>
                    <button
                      type="button"
                      disabled={unblock.isPending}
                      onClick={() => unblock.mutate(number.id)}
                    >
                      {t('blocklist.unblock', { masked: number.masked })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
