import { useId, useState, type FormEvent } from 'react';

import { SaveOutcome } from '../../../components/ui/save-outcome';
import { fieldErrors } from '../../../lib/field-errors';
import { DAYS, type Day, type Shift } from '../../../lib/reference-data';
import { useReplaceShifts, type VolunteerFile } from '../api/volunteers';
import { useVolunteersText } from '../text';

/** A volunteer's weekly shifts as their coordinator keeps them, each refused shift told beside it. */
export function VolunteerShiftsForm({ file, onReload }: { file: VolunteerFile; onReload: () => void }) {
  const v = useVolunteersText();
  const id = useId();
  const replace = useReplaceShifts(file.id);
  const [shifts, setShifts] = useState<Shift[]>(
    file.shifts.map((shift) => ({
      ...shift,
      starts: shift.starts.slice(0, 5),
      ends: shift.ends.slice(0, 5),
    })),
  );
  const [automatic, setAutomatic] = useState(file.availableAtShiftStart);
  const errors = fieldErrors(replace.error);
  const update = (index: number, change: Partial<Shift>) =>
    setShifts(shifts.map((shift, i) => (i === index ? { ...shift, ...change } : shift)));

  function submit(event: FormEvent) {
    event.preventDefault();
    replace.mutate({ shifts, availableAtShiftStart: automatic, version: file.version });
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{v('shiftsHeading')}</h2>
      <p className="hint">{v('shiftsHint')}</p>
      <form onSubmit={submit} noValidate>
        {shifts.length === 0 && <p>{v('shiftsNone')}</p>}
        {shifts.map((shift, index) => {
          const n = String(index + 1);
          const error = errors[`shifts[${index}]`];
          return (
            <fieldset
              key={index}
              className="shift"
              aria-describedby={error ? `${id}-shift-${index}-error` : undefined}
            >
              <legend>{v('shiftLegend', { n })}</legend>
              {error && (
                <p id={`${id}-shift-${index}-error`} className="field-error">
                  {error}
                </p>
              )}
              <div className="field">
                <label htmlFor={`${id}-day-${index}`}>{v('day')}</label>
                <select
                  id={`${id}-day-${index}`}
                  value={shift.day}
                  onChange={(event) => update(index, { day: event.target.value as Day })}
                >
                  {DAYS.map((day) => (
                    <option key={day} value={day}>
                      {v(`day_${day}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-starts-${index}`}>{v('starts')}</label>
                <input
                  id={`${id}-starts-${index}`}
                  type="time"
                  value={shift.starts}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => update(index, { starts: event.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-ends-${index}`}>{v('ends')}</label>
                <input
                  id={`${id}-ends-${index}`}
                  type="time"
                  value={shift.ends}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => update(index, { ends: event.target.value })}
                />
              </div>
              <button type="button" onClick={() => setShifts(shifts.filter((_, i) => i !== index))}>
                {v('removeShift', { n })}
              </button>
            </fieldset>
          );
        })}
        <p>
          <button
            type="button"
            onClick={() => setShifts([...shifts, { day: 'MONDAY', starts: '09:00', ends: '12:00' }])}
          >
            {v('addShift')}
          </button>
        </p>
        <div className="checkbox">
          <input
            id={`${id}-automatic`}
            type="checkbox"
            checked={automatic}
            onChange={(event) => setAutomatic(event.target.checked)}
          />
          <label htmlFor={`${id}-automatic`}>{v('availableAtShiftStart')}</label>
        </div>
        <SaveOutcome
          reloadLabel={v('reload')}
          error={replace.error}
          saved={replace.isSuccess ? v('shiftsSaved') : null}
          onReload={onReload}
        >
          <button type="submit" disabled={replace.isPending}>
            {v('saveShifts')}
          </button>
        </SaveOutcome>
      </form>
    </section>
  );
}
