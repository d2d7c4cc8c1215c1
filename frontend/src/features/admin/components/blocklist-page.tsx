import { useId, useState, type FormEvent } from 'react';

import { Field } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n, type Translate } from '../../../lib/i18n/i18n';
import { useBlockByReference, useBlockedNumbers, useUnblock } from '../api/blocklist';

/** The reason a number could not be blocked, by field: an unknown reference is the reference's. */
function refusals(error: unknown, t: Translate): Record<string, string> {
  if (error instanceof ApiError && error.problem.code === 'ticket.not-found' && !error.problem.detail) {
    return { reference: t('blocklist.unknownReference') };
  }
  return fieldErrors(error);
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
  const errors = refusals(block.error, t);
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
          <Field
            label={t('blocklist.reference')}
            hint={t('blocklist.referenceHint')}
            error={errors.reference}
          >
            {(control) => (
              <input
                {...control}
                value={reference}
                maxLength={10}
                required
                onChange={(event) => setReference(event.target.value)}
              />
            )}
          </Field>
          <Field label={t('blocklist.reason')} error={errors.reason}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={reason}
                maxLength={300}
                required
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </Field>
          {block.isError && Object.keys(errors).length === 0 && (
            <Notice kind="error">{errorMessage(block.error, t)}</Notice>
          )}
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
