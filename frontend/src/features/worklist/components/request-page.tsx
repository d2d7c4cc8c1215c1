import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useMe } from '../../../lib/auth';
import { fr } from '../../../lib/i18n/fr';
import { useI18n } from '../../../lib/i18n/i18n';
import { useThemes } from '../../../lib/reference-data';
import {
  useAssign,
  useAssignees,
  useCancel,
  usePrioritise,
  useRequest,
  useReschedule,
  type Request,
} from '../api/worklist';
import { useWorklistText } from '../text';

const catalogueEvents = fr.console.events;
const completions = fr.console.outcome.completionLabels;
const autonomies = fr.console.outcome.autonomyLabels;

/** One request, opened from the worklist: its facts, what a coordinator may do to it, its history and notes. */
export function RequestPage() {
  const { t, language } = useI18n();
  const w = useWorklistText();
  const themes = useThemes();
  const id = Number(useParams().id);
  const details = useRequest(id);
  const when = (at: string) =>
    new Date(at).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
  const eventLabel = (type: string) =>
    type in catalogueEvents ? t(`console.events.${type as keyof typeof catalogueEvents}`) : type;
  const data = details.data;
  const ticket = data?.ticket;
  const theme = themes.data?.find((candidate) => candidate.code === ticket?.topicCode);
  return (
    <Page title={ticket ? w('requestTitle', { reference: ticket.reference }) : w('title')}>
      <p>
        <Link to="/demandes">{w('back')}</Link>
      </p>
      {details.isError && <Notice kind="error">{errorMessage(details.error, t)}</Notice>}
      {data && ticket && (
        <>
          <section aria-labelledby="request-facts">
            <h2 id="request-facts">{w('facts')}</h2>
            <dl className="ticket-facts">
              <div>
                <dt>{w('status')}</dt>
                <dd>{t(`console.statuses.${ticket.status}`)}</dd>
              </div>
              <div>
                <dt>{w('kind')}</dt>
                <dd>{w(`kind_${ticket.kind}`)}</dd>
              </div>
              <div>
                <dt>{w('topic')}</dt>
                <dd>{theme ? (language === 'fr' ? theme.nameFr : theme.nameEn) : ticket.topicCode}</dd>
              </div>
              <div>
                <dt>{w('departement')}</dt>
                <dd>
                  {ticket.departementCode} ({ticket.postcode})
                </dd>
              </div>
              <div>
                <dt>{w('created')}</dt>
                <dd>{when(ticket.createdAt)}</dd>
              </div>
              {ticket.nextAttemptAt && ticket.status === 'SCHEDULED' && (
                <div>
                  <dt>{w('nextAttempt')}</dt>
                  <dd>{when(ticket.nextAttemptAt)}</dd>
                </div>
              )}
              <div>
                <dt>{w('priority')}</dt>
                <dd>{ticket.priority >= 9 ? w('priorityHigh') : w('priorityNormal')}</dd>
              </div>
              {ticket.maskedPhone && (
                <div>
                  <dt>{w('phone')}</dt>
                  <dd>{ticket.maskedPhone}</dd>
                </div>
              )}
              {ticket.firstName && (
                <div>
                  <dt>{w('firstName')}</dt>
                  <dd>{ticket.firstName}</dd>
                </div>
              )}
            </dl>
          </section>
          <Actions ticket={ticket} />
          <section aria-labelledby="request-outcome">
            <h2 id="request-outcome">{w('outcome')}</h2>
            {data.outcome ? (
              <p>
                {w('outcomeLine', {
                  completion:
                    data.outcome.completion in completions
                      ? t(
                          `console.outcome.completionLabels.${data.outcome.completion as keyof typeof completions}`,
                        )
                      : data.outcome.completion,
                  autonomy:
                    data.outcome.autonomy in autonomies
                      ? t(
                          `console.outcome.autonomyLabels.${data.outcome.autonomy as keyof typeof autonomies}`,
                        )
                      : data.outcome.autonomy,
                  minutes: String(data.outcome.durationMinutes),
                })}
              </p>
            ) : (
              <p>{w('noOutcome')}</p>
            )}
          </section>
          <section aria-labelledby="request-notes">
            <h2 id="request-notes">{w('notes')}</h2>
            {data.notes.length === 0 ? (
              <p>{w('noNotes')}</p>
            ) : (
              <ul>
                {data.notes.map((note) => (
                  <li key={note.id}>
                    <span className="hint">{when(note.writtenAt)}</span> {note.body}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="request-timeline">
            <h2 id="request-timeline">{w('timeline')}</h2>
            <ol className="timeline">
              {data.timeline.map((entry, index) => (
                <li key={index}>
                  <span className="hint">{when(entry.at)}</span> {eventLabel(entry.type)}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Page>
  );
}

const WAITING = ['QUEUED', 'SCHEDULED'];

function Actions({ ticket }: { ticket: Request }) {
  const { t } = useI18n();
  const w = useWorklistText();
  const id = useId();
  const me = useMe();
  const prioritise = usePrioritise(ticket.id);
  const take = useAssign(ticket.id);
  const reschedule = useReschedule(ticket.id);
  const assign = useAssign(ticket.id);
  const cancel = useCancel(ticket.id);
  const waiting = WAITING.includes(ticket.status);
  const closed = ['RESOLVED', 'REDIRECTED', 'UNREACHABLE', 'CANCELLED'].includes(ticket.status);
  const assignees = useAssignees(ticket.id, waiting);
  const [assignee, setAssignee] = useState('');
  const [at, setAt] = useState('');
  const [reason, setReason] = useState('');
  if (closed) {
    // what was just done stays said
    return cancel.isSuccess ? <Notice kind="success">{w('cancelDone')}</Notice> : null;
  }

  function submitAssign(event: FormEvent) {
    event.preventDefault();
    if (assignee) assign.mutate(Number(assignee));
  }

  function submitReschedule(event: FormEvent) {
    event.preventDefault();
    // the time typed is the coordinator's own (the browser's time zone)
    reschedule.mutate(at === '' ? null : new Date(at).toISOString());
  }

  function submitCancel(event: FormEvent) {
    event.preventDefault();
    cancel.mutate(reason);
  }

  const rescheduleErrors = fieldErrors(reschedule.error);
  const cancelErrors = fieldErrors(cancel.error);
  return (
    <section aria-labelledby={`${id}-actions`}>
      <h2 id={`${id}-actions`}>{w('actions')}</h2>
      {ticket.priority < 9 && (
        <p>
          <button type="button" disabled={prioritise.isPending} onClick={() => prioritise.mutate(undefined)}>
            {w('prioritise')}
          </button>
        </p>
      )}
      {prioritise.isError && <Notice kind="error">{errorMessage(prioritise.error, t)}</Notice>}
      {prioritise.isSuccess && <Notice kind="success">{w('prioritiseDone')}</Notice>}

      {waiting && ticket.kind === 'CALLBACK' && me.data && (
        <>
          <h3>{w('takeHeading')}</h3>
          <p>{w('takeIntro')}</p>
          <p>
            <button type="button" disabled={take.isPending} onClick={() => take.mutate(me.data!.id)}>
              {w('take')}
            </button>
          </p>
          {take.isError && <Notice kind="error">{errorMessage(take.error, t)}</Notice>}
        </>
      )}
      {take.isSuccess && (
        <Notice kind="success">
          {w('takeDone')} <Link to="/console">{w('toConsole')}</Link>
        </Notice>
      )}

      {waiting && ticket.kind === 'CALLBACK' && (
        <form onSubmit={submitAssign} noValidate aria-labelledby={`${id}-assign`}>
          <h3 id={`${id}-assign`}>{w('assignHeading')}</h3>
          {assignees.data && assignees.data.length === 0 ? (
            <p>{w('assigneeNone')}</p>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-assignee`}>{w('assignee')}</label>
              <p id={`${id}-assignee-hint`} className="hint">
                {w('assigneeHint')}
              </p>
              <select
                id={`${id}-assignee`}
                aria-describedby={`${id}-assignee-hint`}
                value={assignee}
                onChange={(event) => setAssignee(event.target.value)}
              >
                <option value="">—</option>
                {assignees.data?.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {w('assigneeLine', {
                      name: candidate.name,
                      presence: w(`presence_${candidate.presence}`),
                      departement: candidate.departement,
                    })}
                  </option>
                ))}
              </select>
            </div>
          )}
          {assign.isError && <Notice kind="error">{errorMessage(assign.error, t)}</Notice>}
          {assign.isSuccess && <Notice kind="success">{w('assignDone')}</Notice>}
          {assignees.data && assignees.data.length > 0 && (
            <div className="actions">
              <button type="submit" disabled={assign.isPending || assignee === ''}>
                {w('assign')}
              </button>
            </div>
          )}
        </form>
      )}

      {waiting && ticket.kind === 'CALLBACK' && (
        <form onSubmit={submitReschedule} noValidate aria-labelledby={`${id}-reschedule`}>
          <h3 id={`${id}-reschedule`}>{w('rescheduleHeading')}</h3>
          <FormField
            label={w('rescheduleAt')}
            hint={w('rescheduleHint')}
            type="datetime-local"
            value={at}
            error={rescheduleErrors.at}
            onChange={(event) => setAt(event.target.value)}
          />
          {reschedule.isError && !rescheduleErrors.at && (
            <Notice kind="error">{errorMessage(reschedule.error, t)}</Notice>
          )}
          {reschedule.isSuccess && <Notice kind="success">{w('rescheduleDone')}</Notice>}
          <div className="actions">
            <button type="submit" disabled={reschedule.isPending}>
              {w('reschedule')}
            </button>
          </div>
        </form>
      )}

      <form onSubmit={submitCancel} noValidate aria-labelledby={`${id}-cancel`}>
        <h3 id={`${id}-cancel`}>{w('cancelHeading')}</h3>
        <FormField
          label={w('cancelReason')}
          hint={w('cancelHint')}
          value={reason}
          maxLength={200}
          error={cancelErrors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {cancel.isError && !cancelErrors.reason && (
          <Notice kind="error">{errorMessage(cancel.error, t)}</Notice>
        )}
        {cancel.isSuccess && <Notice kind="success">{w('cancelDone')}</Notice>}
        <div className="actions">
          <button type="submit" disabled={cancel.isPending}>
            {w('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
