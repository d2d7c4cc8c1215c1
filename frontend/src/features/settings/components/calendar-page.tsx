import { useId, useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { SaveOutcome } from '../../../components/ui/save-outcome';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  useCalendar,
  useRemoveException,
  useReplaceWeekly,
  type Calendar,
  type Day,
  type ServiceException,
  type Slot,
} from '../api/calendar';
import { useSettingsText } from '../text';

import { NewExceptionForm } from './new-exception-form';

const DAYS: Day[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const hhmm = (time: string | null) => (time ?? '').slice(0, 5);

/**
 * "Horaires et fermetures": the weekly hours and the exceptional closures and openings, read by every coordinator,
 * changed by national coordinators and administrators (`editable`).
 */
export function CalendarPage({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const s = useSettingsText();
  const calendar = useCalendar();
  // a reload sets the forms back to the calendar as it now is
  const [generation, setGeneration] = useState(0);
  const reload = async () => {
    await calendar.refetch();
    setGeneration((current) => current + 1);
  };
  return (
    <Page title={s('calendarTitle')}>
      <p>{s('calendarIntro')}</p>
      {!editable && <p>{s('readOnly')}</p>}
      {calendar.isError && <Notice kind="error">{errorMessage(calendar.error, t)}</Notice>}
      {calendar.data &&
        (editable ? (
          <>
            <WeeklyForm key={`weekly-${generation}`} calendar={calendar.data} onReload={reload} />
            <Exceptions
              key={`exceptions-${generation}`}
              calendar={calendar.data}
              editable
              onReload={reload}
            />
          </>
        ) : (
          <>
            <WeeklyTable calendar={calendar.data} />
            <Exceptions calendar={calendar.data} editable={false} onReload={reload} />
          </>
        ))}
    </Page>
  );
}

function WeeklyTable({ calendar }: { calendar: Calendar }) {
  const s = useSettingsText();
  return (
    <section>
      <h2>{s('weeklyHeading')}</h2>
      <p className="hint">{s('weeklyHint')}</p>
      {calendar.weekly.length === 0 ? (
        <p>{s('weeklyNone')}</p>
      ) : (
        <table>
          <caption>{s('weeklyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{s('day')}</th>
              <th scope="col">{s('hours')}</th>
            </tr>
          </thead>
          <tbody>
            {calendar.weekly.map((slot, index) => (
              <tr key={index}>
                <th scope="row">{s(`day_${slot.day}`)}</th>
                <td>{s('hoursRange', { opens: hhmm(slot.opens), closes: hhmm(slot.closes) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function WeeklyForm({ calendar, onReload }: { calendar: Calendar; onReload: () => void }) {
  const s = useSettingsText();
  const id = useId();
  const replace = useReplaceWeekly();
  const [slots, setSlots] = useState<Slot[]>(
    calendar.weekly.map((slot) => ({ ...slot, opens: hhmm(slot.opens), closes: hhmm(slot.closes) })),
  );
  const errors = fieldErrors(replace.error);
  const update = (index: number, change: Partial<Slot>) =>
    setSlots(slots.map((slot, i) => (i === index ? { ...slot, ...change } : slot)));

  function submit(event: FormEvent) {
    event.preventDefault();
    replace.mutate({ slots, version: calendar.version });
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s('weeklyHeading')}</h2>
      <p className="hint">{s('weeklyHint')}</p>
      <form onSubmit={submit} noValidate>
        {slots.length === 0 && <p>{s('weeklyNone')}</p>}
        {slots.map((slot, index) => {
          const n = String(index + 1);
          const error = errors[`slots[${index}]`];
          return (
            <fieldset
              key={index}
              className="shift"
              aria-describedby={error ? `${id}-slot-${index}-error` : undefined}
            >
              <legend>{s('slotLegend', { n })}</legend>
              {error && (
                <p id={`${id}-slot-${index}-error`} className="field-error">
                  {error}
                </p>
              )}
              <div className="field">
                <label htmlFor={`${id}-day-${index}`}>{s('day')}</label>
                <select
                  id={`${id}-day-${index}`}
                  value={slot.day}
                  onChange={(event) => update(index, { day: event.target.value as Day })}
                >
                  {DAYS.map((day) => (
                    <option key={day} value={day}>
                      {s(`day_${day}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-opens-${index}`}>{s('opens')}</label>
                <input
                  id={`${id}-opens-${index}`}
                  type="time"
                  value={slot.opens}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => update(index, { opens: event.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-closes-${index}`}>{s('closes')}</label>
                <input
                  id={`${id}-closes-${index}`}
                  type="time"
                  value={slot.closes}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => update(index, { closes: event.target.value })}
                />
              </div>
              <button type="button" onClick={() => setSlots(slots.filter((_, i) => i !== index))}>
                {s('removeSlot', { n })}
              </button>
            </fieldset>
          );
        })}
        <p>
          <button
            type="button"
            onClick={() => setSlots([...slots, { day: 'SATURDAY', opens: '09:00', closes: '12:00' }])}
          >
            {s('addSlot')}
          </button>
        </p>
        <SaveOutcome
          reloadLabel={s('reload')}
          error={replace.error}
          saved={replace.isSuccess ? s('weeklySaved') : null}
          onReload={onReload}
        >
          <button type="submit" disabled={replace.isPending}>
            {s('saveWeekly')}
          </button>
        </SaveOutcome>
      </form>
    </section>
  );
}

function Exceptions({
  calendar,
  editable,
  onReload,
}: {
  calendar: Calendar;
  editable: boolean;
  onReload: () => void;
}) {
  const { t, language } = useI18n();
  const s = useSettingsText();
  const id = useId();
  const remove = useRemoveException();
  const day = (date: string) =>
    new Date(`${date}T12:00:00Z`).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'full',
      timeZone: 'UTC',
    });
  const days = (exception: ServiceException) =>
    exception.firstDay === exception.lastDay
      ? day(exception.firstDay)
      : s('dayRange', { first: day(exception.firstDay), last: day(exception.lastDay) });
  const describe = (exception: ServiceException) =>
    `${s(`kind_${exception.kind}`)} ${days(exception)}` +
    (exception.kind === 'OPEN'
      ? `, ${s('hoursRange', { opens: hhmm(exception.opens), closes: hhmm(exception.closes) })}`
      : '');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s('exceptionsHeading')}</h2>
      {calendar.exceptions.length === 0 ? (
        <p>{s('exceptionsNone')}</p>
      ) : (
        <table>
          <caption>{s('exceptionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{s('kind')}</th>
              <th scope="col">{s('days')}</th>
              <th scope="col">{s('hours')}</th>
              <th scope="col">{s('message')}</th>
              {editable && <th scope="col">{s('action')}</th>}
            </tr>
          </thead>
          <tbody>
            {calendar.exceptions.map((exception) => (
              <tr key={exception.id}>
                <th scope="row">{s(`kind_${exception.kind}`)}</th>
                <td>{days(exception)}</td>
                <td>
                  {exception.kind === 'OPEN'
                    ? s('hoursRange', { opens: hhmm(exception.opens), closes: hhmm(exception.closes) })
                    : '—'}
                </td>
                <td>{exception.message ?? '—'}</td>
                {editable && (
                  <td>
                    <button
                      type="button"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ id: exception.id, version: calendar.version })}
                    >
                      {s('remove', { what: describe(exception) })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.isError && <Notice kind="error">{errorMessage(remove.error, t)}</Notice>}
      {remove.isSuccess && <Notice kind="success">{s('removed')}</Notice>}
      {editable && <NewExceptionForm calendar={calendar} onReload={onReload} />}
    </section>
  );
}
