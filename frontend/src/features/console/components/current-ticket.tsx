import { useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { fr } from '../../../lib/i18n/fr';
import { useI18n } from '../../../lib/i18n/i18n';
import { type Ticket } from '../api/console-state';
import { useAddNote } from '../api/notes';
import { useScheduleRetry } from '../api/schedule-retry';
import { useSendText } from '../api/send-text';
import { useTicketAction } from '../api/ticket-action';
import { useTicketDetails } from '../api/ticket-details';
import { HandoverForm } from './handover-form';
import { OutcomeForm } from './outcome-form';
import { TutorialPicker } from './tutorial-picker';

const catalogueEvents = fr.console.events;

/** A small form with one text field and its button, its confirmation and its error. */
function TextForm({
  label,
  submitLabel,
  done,
  multiline,
  maxLength,
  onSubmit,
  mutation,
}: {
  label: string;
  submitLabel: string;
  done: string;
  multiline: boolean;
  maxLength: number;
  onSubmit: (value: string, reset: () => void) => void;
  mutation: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown };
}) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const id = `field-${label.replace(/\W+/g, '-')}`;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (value.trim()) {
      onSubmit(value.trim(), () => setValue(''));
    }
  }
  return (
    <form onSubmit={submit} className="inline-form">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {multiline ? (
          <textarea
            id={id}
            rows={3}
            maxLength={maxLength}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        ) : (
          <input id={id} maxLength={maxLength} value={value} onChange={(e) => setValue(e.target.value)} />
        )}
      </div>
      <button type="submit" disabled={mutation.isPending || !value.trim()}>
        {submitLabel}
      </button>
      {mutation.isSuccess && <Notice kind="success">{done}</Notice>}
      {mutation.isError && <Notice kind="error">{errorMessage(mutation.error, t)}</Notice>}
    </form>
  );
}

/**
 * The request in the volunteer's hands (or a coordinator's, once handed over to them): who and what, its history,
 * and everything they can do with it. Only volunteers call from here: the platform rings their registered phone.
 */
export function CurrentTicket({
  ticket,
  topicName,
  canCall,
  onHandedOver,
}: {
  ticket: Ticket;
  topicName: (code: string) => string;
  canCall: boolean;
  onHandedOver: (name: string) => void;
}) {
  const { t, language } = useI18n();
  const details = useTicketDetails(ticket.id);
  const action = useTicketAction();
  const note = useAddNote();
  const text = useSendText();
  const retry = useScheduleRetry();
  const [retryAt, setRetryAt] = useState('');
  const [saved, setSaved] = useState(false);
  const when = (at: string) =>
    new Date(at).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
  const data = details.data;
  const eventLabel = (type: string) =>
    type in catalogueEvents ? t(`console.events.${type as keyof typeof catalogueEvents}`) : type;
  return (
    <section className="current" aria-labelledby="current-title">
      <h2 id="current-title">
        {t('console.current.title')} : {ticket.reference}
      </h2>
      <dl className="ticket-facts">
        <div>
          <dt>{t('console.current.topic')}</dt>
          <dd>{topicName(ticket.topicCode)}</dd>
        </div>
        <div>
          <dt>{t('console.current.place')}</dt>
          <dd>
            {t('console.current.placeValue', {
              postcode: ticket.postcode,
              departement: ticket.departementCode,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('console.current.reference')}</dt>
          <dd>{ticket.reference}</dd>
        </div>
        <div>
          <dt>{t('console.current.phone')}</dt>
          <dd>{ticket.maskedPhone ?? '—'}</dd>
        </div>
        {ticket.firstName && (
          <div>
            <dt>{t('console.current.firstName')}</dt>
            <dd>{ticket.firstName}</dd>
          </div>
        )}
        <div>
          <dt>{t('console.current.status')}</dt>
          <dd>{t(`console.statuses.${ticket.status}`)}</dd>
        </div>
        <div>
          <dt>{t('console.current.attempts')}</dt>
          <dd>{ticket.attempts}</dd>
        </div>
      </dl>

      <div className="actions">
        {canCall && (
          <button
            type="button"
            className="primary"
            disabled={action.isPending || ticket.status === 'IN_CALL'}
            onClick={() => action.mutate({ id: ticket.id, action: 'call' })}
          >
            {t('console.current.call')}
          </button>
        )}
        <button
          type="button"
          disabled={action.isPending}
          onClick={() => action.mutate({ id: ticket.id, action: 'release' })}
        >
          {t('console.current.release')}
        </button>
      </div>
      {action.isSuccess && action.variables?.action === 'call' && (
        <Notice kind="info">{t('console.current.calling')}</Notice>
      )}
      {action.isError && <Notice kind="error">{errorMessage(action.error, t)}</Notice>}

      {saved ? (
        <Notice kind="success">{t('console.outcome.saved')}</Notice>
      ) : (
        <OutcomeForm ticketId={ticket.id} onSaved={() => setSaved(true)} />
      )}

      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (retryAt) {
            retry.mutate({ id: ticket.id, at: new Date(retryAt).toISOString() });
          }
        }}
      >
        <h3>{t('console.current.retry')}</h3>
        <div className="field">
          <label htmlFor="retry-at">{t('console.current.retryAt')}</label>
          <input
            id="retry-at"
            type="datetime-local"
            value={retryAt}
            onChange={(e) => setRetryAt(e.target.value)}
          />
        </div>
        <button type="submit" disabled={retry.isPending || !retryAt}>
          {t('console.current.scheduleRetry')}
        </button>
        {retry.isSuccess && <Notice kind="success">{t('console.current.retryScheduled')}</Notice>}
        {retry.isError && <Notice kind="error">{errorMessage(retry.error, t)}</Notice>}
      </form>

      {ticket.status !== 'IN_CALL' && <HandoverForm ticket={ticket} onHandedOver={onHandedOver} />}

      <TutorialPicker ticket={ticket} />

      <TextForm
        label={t('console.current.text')}
        submitLabel={t('console.current.sendText')}
        done={t('console.current.textSent')}
        multiline
        maxLength={320}
        mutation={text}
        onSubmit={(body, reset) => text.mutate({ id: ticket.id, body }, { onSuccess: reset })}
      />

      <h3>{t('console.current.notes')}</h3>
      {data && data.notes.length === 0 && <p>{t('console.current.noNotes')}</p>}
      <ul>
        {data?.notes.map((n) => (
          <li key={n.id}>
            <span className="hint">{when(n.writtenAt)}</span> {n.body}
          </li>
        ))}
      </ul>
      <TextForm
        label={t('console.current.note')}
        submitLabel={t('console.current.addNote')}
        done={t('console.current.noteAdded')}
        multiline
        maxLength={4000}
        mutation={note}
        onSubmit={(body, reset) => note.mutate({ id: ticket.id, body }, { onSuccess: reset })}
      />

      <h3>{t('console.current.earlier')}</h3>
      {data && data.earlierRequests.length === 0 && <p>{t('console.current.noEarlier')}</p>}
      <ul>
        {data?.earlierRequests.map((earlier) => (
          <li key={earlier.id}>
            {earlier.reference} · {topicName(earlier.topicCode)} · {when(earlier.createdAt)} ·{' '}
            {t(`console.statuses.${earlier.status}`)}
          </li>
        ))}
      </ul>

      <h3>{t('console.current.timeline')}</h3>
      <ol className="timeline">
        {data?.timeline.map((entry, index) => (
          <li key={index}>
            <span className="hint">{when(entry.at)}</span> {eventLabel(entry.type)}
          </li>
        ))}
      </ol>
    </section>
  );
}
