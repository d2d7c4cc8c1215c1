import { useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n';
import { useRecordOutcome, type OutcomeForm as Outcome } from '../api/record-outcome';

// Codes of the national activity report of digital mediators (DESIGN.md §6); labels in the message catalogue.
const SUPPORT_TYPES = ['demarche_administrative', 'individuel'] as const;
const PROCEDURE_THEMES = [
  'papiers_elections_citoyennete',
  'famille_scolarite',
  'social_sante',
  'travail_formation',
  'logement',
  'transports_mobilite',
  'argent_impots',
  'justice',
  'etrangers_europe',
  'loisirs_sports_culture',
] as const;
const SUPPORT_THEMES = [
  'prendre_en_main_du_materiel',
  'navigation_sur_internet',
  'email',
  'bureautique',
  'reseaux_sociaux',
  'sante',
  'banque_et_achats_en_ligne',
  'entrepreneuriat',
  'insertion_professionnelle',
  'securite_numerique',
  'parentalite',
  'scolarite_et_numerique',
  'creer_avec_le_numerique',
  'culture_numerique',
] as const;
const EQUIPMENT = ['telephone', 'ordinateur', 'tablette', 'autre', 'aucun'] as const;
const AUTONOMY = ['entierement_accompagne', 'partiellement_autonome', 'autonome'] as const;
const COMPLETION = [
  'finalisee',
  'a_finaliser_en_autonomie',
  'doit_revenir',
  'oriente_vers_structure',
] as const;
const REDIRECTION = [
  'operateur_ou_organisme_en_charge',
  'aide_aux_demarches_administratives',
  'administration',
  'mediation_numerique',
  'autre',
] as const;

function Choices({
  legend,
  name,
  values,
  labels,
  multiple,
  selected,
  onChange,
}: {
  legend: string;
  name: string;
  values: readonly string[];
  labels: string;
  multiple: boolean;
  selected: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={name}
            value={value}
            checked={selected.includes(value)}
            onChange={(event) =>
              onChange(
                multiple
                  ? event.target.checked
                    ? [...selected, value]
                    : selected.filter((v) => v !== value)
                  : [value],
              )
            }
          />
          {t(`${labels}.${value}` as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}

/** The outcome form, aligned with the national activity report so that figures can be merged. */
export function OutcomeForm({ ticketId, onSaved }: { ticketId: number; onSaved: () => void }) {
  const { t } = useI18n();
  const record = useRecordOutcome();
  const [form, setForm] = useState<Outcome>({
    supportType: 'demarche_administrative',
    durationMinutes: 30,
    procedureThemes: [],
    supportThemes: [],
    equipment: [],
    autonomy: '',
    completion: '',
    redirection: null,
  });
  const update = (changes: Partial<Outcome>) => setForm((current) => ({ ...current, ...changes }));

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate(
      {
        id: ticketId,
        outcome: {
          ...form,
          redirection: form.completion === 'oriente_vers_structure' ? form.redirection : null,
        },
      },
      { onSuccess: onSaved },
    );
  }

  const prefix = 'console.outcome';
  return (
    <form className="outcome" onSubmit={submit} aria-labelledby="outcome-title">
      <h3 id="outcome-title">{t('console.outcome.title')}</h3>
      <p className="hint">{t('console.outcome.intro')}</p>
      <Choices
        legend={t('console.outcome.supportType')}
        name="supportType"
        values={SUPPORT_TYPES}
        labels={`${prefix}.supportTypes`}
        multiple={false}
        selected={[form.supportType]}
        onChange={([value]) => update({ supportType: value })}
      />
      <div className="field">
        <label htmlFor="outcome-duration">{t('console.outcome.duration')}</label>
        <input
          id="outcome-duration"
          type="number"
          min={1}
          max={480}
          required
          value={form.durationMinutes}
          onChange={(event) => update({ durationMinutes: Number(event.target.value) })}
        />
      </div>
      {form.supportType === 'demarche_administrative' && (
        <Choices
          legend={t('console.outcome.procedureThemes')}
          name="procedureThemes"
          values={PROCEDURE_THEMES}
          labels={`${prefix}.procedureThemeLabels`}
          multiple
          selected={form.procedureThemes}
          onChange={(procedureThemes) => update({ procedureThemes })}
        />
      )}
      <Choices
        legend={t('console.outcome.supportThemes')}
        name="supportThemes"
        values={SUPPORT_THEMES}
        labels={`${prefix}.supportThemeLabels`}
        multiple
        selected={form.supportThemes}
        onChange={(supportThemes) => update({ supportThemes })}
      />
      <Choices
        legend={t('console.outcome.equipment')}
        name="equipment"
        values={EQUIPMENT}
        labels={`${prefix}.equipmentLabels`}
        multiple
        selected={form.equipment}
        onChange={(equipment) => update({ equipment })}
      />
      <Choices
        legend={t('console.outcome.autonomy')}
        name="autonomy"
        values={AUTONOMY}
        labels={`${prefix}.autonomyLabels`}
        multiple={false}
        selected={[form.autonomy]}
        onChange={([autonomy]) => update({ autonomy })}
      />
      <Choices
        legend={t('console.outcome.completion')}
        name="completion"
        values={COMPLETION}
        labels={`${prefix}.completionLabels`}
        multiple={false}
        selected={[form.completion]}
        onChange={([completion]) => update({ completion })}
      />
      {form.completion === 'oriente_vers_structure' && (
        <Choices
          legend={t('console.outcome.redirection')}
          name="redirection"
          values={REDIRECTION}
          labels={`${prefix}.redirectionLabels`}
          multiple={false}
          selected={form.redirection ? [form.redirection] : []}
          onChange={([redirection]) => update({ redirection })}
        />
      )}
      {record.isError && <Notice kind="error">{errorMessage(record.error, t)}</Notice>}
      <button type="submit" className="primary" disabled={record.isPending}>
        {t('console.outcome.submit')}
      </button>
    </form>
  );
}
