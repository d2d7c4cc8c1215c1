import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';

import { Choices } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { SaveOutcome } from '../../../components/ui/save-outcome';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { LANGUAGES, useThemes } from '../../../lib/reference-data';
import {
  useChangeProfile,
  useTerritories,
  useValidateTraining,
  useVolunteerFile,
  type VolunteerFile,
} from '../api/volunteers';
import { useVolunteersText } from '../text';

import { VolunteerShiftsForm } from './volunteer-shifts-form';

/**
 * A volunteer's file, for a coordinator of their région (or a national one): profile, shifts and training, each
 * saved on its own with the version read, a value refused shown beside its field, a change someone made meanwhile
 * offered to reload.
 */
export function VolunteerFilePage() {
  const { t } = useI18n();
  const v = useVolunteersText();
  const params = useParams();
  const volunteerId = Number(params.id);
  const file = useVolunteerFile(volunteerId);
  // a reload sets the forms back to the file as it now is
  const [generation, setGeneration] = useState(0);
  const reload = async () => {
    await file.refetch();
    setGeneration((current) => current + 1);
  };
  if (!file.data) {
    return (
      <Page title={v('listTitle')}>
        <p>
          <Link to="/benevoles">{v('back')}</Link>
        </p>
        {file.isError ? (
          <Notice kind="error">{errorMessage(file.error, t)}</Notice>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </Page>
    );
  }
  return (
    <Page title={v('fileTitle', { name: file.data.displayName })}>
      <p>
        <Link to="/benevoles">{v('back')}</Link>
      </p>
      <ProfileForm key={`profile-${generation}`} file={file.data} onReload={reload} />
      <VolunteerShiftsForm key={`shifts-${generation}`} file={file.data} onReload={reload} />
      <TrainingSection key={`training-${generation}`} file={file.data} onReload={reload} />
    </Page>
  );
}

function ProfileForm({ file, onReload }: { file: VolunteerFile; onReload: () => void }) {
  const { language } = useI18n();
  const v = useVolunteersText();
  const id = useId();
  const themes = useThemes();
  const { departements, regions } = useTerritories();
  const change = useChangeProfile(file.id);
  const [skills, setSkills] = useState(new Set(file.skills));
  const [languages, setLanguages] = useState(new Set(file.languages));
  const [capacity, setCapacity] = useState(file.capacity);
  const [served, setServed] = useState(new Set(file.servedDepartements));
  const [servedRegions, setServedRegions] = useState(new Set(file.servedRegions));
  const [national, setNational] = useState(file.servesNationally);
  const errors = fieldErrors(change.error);
  const regionName = regions.data?.find((region) => region.code === file.regionCode)?.name ?? file.regionCode;
  const departementName = (code: string) =>
    `${departements.data?.find((departement) => departement.code === code)?.name ?? code} (${code})`;
  // the départements of their région, and any other they already serve
  const departementChoices = [
    ...new Set([
      ...(departements.data ?? [])
        .filter((departement) => departement.regionCode === file.regionCode)
        .map((departement) => departement.code),
      ...file.servedDepartements,
    ]),
  ].sort();

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate({
      skills: [...skills].sort(),
      languages: [...languages].sort(),
      capacity,
      servedDepartements: [...served].sort(),
      servedRegions: [...servedRegions].sort(),
      servesNationally: national,
      version: file.version,
    });
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{v('profileHeading')}</h2>
      <p>
        {v('livesIn', {
          departement: departementName(file.departementCode),
          region: regionName,
        })}
      </p>
      <form onSubmit={submit} noValidate>
        <CheckboxChoices
          legend={v('themes')}
          error={errors.skills}
          options={(themes.data ?? []).map((theme) => ({
            value: theme.code,
            label: language === 'fr' ? theme.nameFr : theme.nameEn,
          }))}
          selected={skills}
          onChange={setSkills}
        />
        <CheckboxChoices
          legend={v('languages')}
          error={errors.languages}
          options={LANGUAGES.map((code) => ({ value: code, label: v(`language_${code}`) }))}
          selected={languages}
          onChange={setLanguages}
        />
        <div className="field">
          <label htmlFor={`${id}-capacity`}>{v('capacity')}</label>
          <p id={`${id}-capacity-hint`} className="hint">
            {v('capacityHint')}
          </p>
          {errors.capacity && (
            <p id={`${id}-capacity-error`} className="field-error">
              {errors.capacity}
            </p>
          )}
          <select
            id={`${id}-capacity`}
            value={capacity}
            aria-describedby={`${id}-capacity-hint${errors.capacity ? ` ${id}-capacity-error` : ''}`}
            aria-invalid={errors.capacity ? true : undefined}
            onChange={(event) => setCapacity(Number(event.target.value))}
          >
            {[1, 2, 3].map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </div>
        <h3>{v('territoriesHeading')}</h3>
        <p className="hint">{v('territoriesHint')}</p>
        <CheckboxChoices
          legend={v('servedDepartements')}
          error={errors.servedDepartements}
          options={departementChoices.map((code) => ({ value: code, label: departementName(code) }))}
          selected={served}
          onChange={setServed}
        />
        {errors.servedRegions && <p className="field-error">{errors.servedRegions}</p>}
        <div className="checkbox">
          <input
            id={`${id}-region`}
            type="checkbox"
            checked={servedRegions.has(file.regionCode)}
            onChange={(event) => {
              const next = new Set(servedRegions);
              if (event.target.checked) next.add(file.regionCode);
              else next.delete(file.regionCode);
              setServedRegions(next);
            }}
          />
          <label htmlFor={`${id}-region`}>{v('wholeRegion', { region: regionName })}</label>
        </div>
        <div className="checkbox">
          <input
            id={`${id}-national`}
            type="checkbox"
            checked={national}
            onChange={(event) => setNational(event.target.checked)}
          />
          <label htmlFor={`${id}-national`}>{v('wholeCountry')}</label>
        </div>
        <SaveOutcome
          reloadLabel={v('reload')}
          error={change.error}
          saved={change.isSuccess ? v('profileSaved') : null}
          onReload={onReload}
        >
          <button type="submit" disabled={change.isPending}>
            {v('saveProfile')}
          </button>
        </SaveOutcome>
      </form>
    </section>
  );
}

function TrainingSection({ file, onReload }: { file: VolunteerFile; onReload: () => void }) {
  const { language } = useI18n();
  const v = useVolunteersText();
  const id = useId();
  const validate = useValidateTraining(file.id);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(validate.error);
  const when = (at: string | null) =>
    at === null
      ? v('no')
      : new Date(at).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', {
          dateStyle: 'long',
          timeZone: 'Europe/Paris',
        });
  const training = file.training;

  function submit(event: FormEvent) {
    event.preventDefault();
    validate.mutate({ reason, version: file.version });
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{v('trainingHeading')}</h2>
      <dl className="ticket-facts">
        <div>
          <dt>{v('approvedAt')}</dt>
          <dd>{when(training.approvedAt)}</dd>
        </div>
        <div>
          <dt>{v('charter')}</dt>
          <dd>{when(training.charterAcceptedAt)}</dd>
        </div>
        <div>
          <dt>{v('practiceCalls')}</dt>
          <dd>
            {v('practiceCallsValue', {
              done: String(training.practiceCalls),
              required: String(training.practiceCallsRequired),
            })}
          </dd>
        </div>
        <div>
          <dt>{v('trainedAt')}</dt>
          <dd>{when(training.trainedAt)}</dd>
        </div>
      </dl>
      {file.trainedInPersonBy !== null && (
        <p>{v('inPerson', { name: file.trainedInPersonBy, reason: file.trainedInPersonReason ?? '' })}</p>
      )}
      {validate.isSuccess && <Notice kind="success">{v('validated')}</Notice>}
      {training.trainedAt === null && training.approvedAt === null && <p>{v('notApprovedYet')}</p>}
      {training.trainedAt === null && training.approvedAt !== null && (
        <form onSubmit={submit} noValidate>
          <p className="hint">{v('validateHint')}</p>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{v('reason')}</label>
            {errors.reason && (
              <p id={`${id}-reason-error`} className="field-error">
                {errors.reason}
              </p>
            )}
            <textarea
              id={`${id}-reason`}
              value={reason}
              maxLength={500}
              rows={3}
              aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
              aria-invalid={errors.reason ? true : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <SaveOutcome reloadLabel={v('reload')} error={validate.error} saved={null} onReload={onReload}>
            <button type="submit" disabled={validate.isPending}>
              {v('validate')}
            </button>
          </SaveOutcome>
        </form>
      )}
    </section>
  );
}

/** A group of checkboxes, with the reason the server refused it read out with it. */
function CheckboxChoices({
  legend,
  error,
  options,
  selected,
  onChange,
}: {
  legend: string;
  error?: string;
  options: { value: string; label: string }[];
  selected: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  const id = useId();
  return (
    <Choices legend={legend} error={error}>
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input
            id={`${id}-${option.value}`}
            type="checkbox"
            checked={selected.has(option.value)}
            onChange={(event) => {
              const next = new Set(selected);
              if (event.target.checked) next.add(option.value);
              else next.delete(option.value);
              onChange(next);
            }}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </Choices>
  );
}
