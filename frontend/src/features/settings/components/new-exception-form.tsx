import { useId, useState, type FormEvent } from 'react';

import { Field } from '../../../components/ui/form-field';
import { SaveOutcome } from '../../../components/ui/save-outcome';
import { fieldErrors } from '../../../lib/field-errors';
import { useAddException, type Calendar } from '../api/calendar';
import { useSettingsText } from '../text';

/** Announces an exceptional closure or opening, each refusal beside its field. */
export function NewExceptionForm({ calendar, onReload }: { calendar: Calendar; onReload: () => void }) {
  const s = useSettingsText();
  const id = useId();
  const add = useAddException();
  const [kind, setKind] = useState<'CLOSED' | 'OPEN'>('CLOSED');
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [opens, setOpens] = useState('09:00');
  const [closes, setCloses] = useState('12:00');
  const [message, setMessage] = useState('');
  const errors = fieldErrors(add.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      {
        kind,
        firstDay,
        lastDay: lastDay === '' ? null : lastDay,
        opens: kind === 'OPEN' ? opens : null,
        closes: kind === 'OPEN' ? closes : null,
        message: kind === 'CLOSED' && message.trim() !== '' ? message : null,
        version: calendar.version,
      },
      {
        onSuccess: () => {
          setFirstDay('');
          setLastDay('');
          setMessage('');
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{s('addHeading')}</h3>
      <fieldset>
        <legend>{s('kindLegend')}</legend>
        <div className="checkbox">
          <input
            id={`${id}-closed`}
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'CLOSED'}
            onChange={() => setKind('CLOSED')}
          />
          <label htmlFor={`${id}-closed`}>{s('closure')}</label>
        </div>
        <div className="checkbox">
          <input
            id={`${id}-open`}
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'OPEN'}
            onChange={() => setKind('OPEN')}
          />
          <label htmlFor={`${id}-open`}>{s('opening')}</label>
        </div>
      </fieldset>
      <Field id={`${id}-first`} label={s('firstDay')} error={errors.firstDay}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={firstDay}
            required
            onChange={(event) => setFirstDay(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-last`} label={s('lastDay')} error={errors.lastDay}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={lastDay}
            onChange={(event) => setLastDay(event.target.value)}
          />
        )}
      </Field>
      {kind === 'OPEN' ? (
        <>
          <Field id={`${id}-opens`} label={s('opens')} error={errors.opens}>
            {(control) => (
              <input
                {...control}
                type="time"
                value={opens}
                onChange={(event) => setOpens(event.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-closes`} label={s('closes')} error={errors.closes}>
            {(control) => (
              <input
                {...control}
                type="time"
                value={closes}
                onChange={(event) => setCloses(event.target.value)}
              />
            )}
          </Field>
        </>
      ) : (
        <Field id={`${id}-message`} label={s('messageLabel')} hint={s('messageHint')} error={errors.message}>
          {(control) => (
            <textarea
              {...control}
              value={message}
              maxLength={300}
              rows={2}
              onChange={(event) => setMessage(event.target.value)}
            />
          )}
        </Field>
      )}
      <SaveOutcome
        reloadLabel={s('reload')}
        error={add.error}
        saved={add.isSuccess ? s('added') : null}
        onReload={onReload}
      >
        <button type="submit" disabled={add.isPending}>
          {s('add')}
        </button>
      </SaveOutcome>
    </form>
  );
}
