import { useId, useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useAlertSubscription, useSubscribeToAlerts, useUnsubscribeFromAlerts } from '../api/statistics';
import { useDashboardText } from '../text';

/** A coordinator asks to be texted the coverage alerts of their territory, or stops them. */
export function AlertTexts() {
  const { t } = useI18n();
  const d = useDashboardText();
  const id = useId();
  const subscription = useAlertSubscription();
  const subscribe = useSubscribeToAlerts();
  const unsubscribe = useUnsubscribeFromAlerts();
  const [phone, setPhone] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    subscribe.mutate(phone, { onSuccess: () => setPhone('') });
  };
  const failure = subscribe.error ?? unsubscribe.error;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{d('alertTextsHeading')}</h2>
      <p>{d('alertTextsIntro')}</p>
      {subscription.data?.masked && (
        <p role="status">
          {d('alertTextsOn', { masked: subscription.data.masked })}{' '}
          <button type="button" onClick={() => unsubscribe.mutate()} disabled={unsubscribe.isPending}>
            {d('alertTextsUnsubscribe')}
          </button>
        </p>
      )}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{d('alertTextsPhone')}</label>
          <input
            id={`${id}-phone`}
            type="tel"
            autoComplete="tel"
            required
            maxLength={30}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
          />
        </div>
        {failure && <Notice kind="error">{errorMessage(failure, t)}</Notice>}
        <button type="submit" disabled={subscribe.isPending}>
          {d('alertTextsSubscribe')}
        </button>
      </form>
    </section>
  );
}
