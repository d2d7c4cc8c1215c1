import { useEffect, useState } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { type Ticket } from '../api/console-state';
import { useTicketAction } from '../api/ticket-action';

export function secondsLeft(expiresAt: string, now: number = Date.now()) {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
}

/** One request offered to the volunteer: what it is about, the time left, accept or decline. */
export function OfferCard({
  ticket,
  expiresAt,
  topicName,
}: {
  ticket: Ticket;
  expiresAt: string;
  topicName: string;
}) {
  const { t } = useI18n();
  const action = useTicketAction();
  const [seconds, setSeconds] = useState(() => secondsLeft(expiresAt));
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds(secondsLeft(expiresAt)), 1000);
    return () => window.clearInterval(timer);
  }, [expiresAt]);
  const headingId = `offer-${ticket.id}`;
  return (
    <section className="offer" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('console.offer.title')} : {t(`console.kinds.${ticket.kind}`)}
      </h3>
      <p>
        {t('console.offer.details', {
          kind: t(`console.kinds.${ticket.kind}`),
          topic: topicName,
          postcode: ticket.postcode,
          departement: ticket.departementCode,
          reference: ticket.reference,
        })}
      </p>
      {seconds > 0 ? (
        <p className="countdown">{t('console.offer.countdown', { seconds: String(seconds) })}</p>
      ) : (
        <p className="countdown">{t('console.offer.expired')}</p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={action.isPending || seconds === 0}
          onClick={() => action.mutate({ id: ticket.id, action: 'accept' })}
        >
          {t('console.offer.accept')}
        </button>
        <button
          type="button"
          disabled={action.isPending || seconds === 0}
          onClick={() => action.mutate({ id: ticket.id, action: 'decline' })}
        >
          {t('console.offer.decline')}
        </button>
      </div>
      {action.isError && <Notice kind="error">{errorMessage(action.error, t)}</Notice>}
    </section>
  );
}
