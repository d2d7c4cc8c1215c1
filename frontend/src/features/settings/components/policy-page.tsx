import { useId, useState, type FormEvent } from 'react';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { SaveOutcome } from '../../../components/ui/save-outcome';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  useCallbackPolicy,
  useReplaceCallbackPolicy,
  useReplaceRoutingDelays,
  useRoutingDelays,
  type CallbackPolicy,
  type KindDelays,
  type RoutingDelays,
} from '../api/policy';
import { useSettingsText } from '../text';

/** A number typed in a field; an empty or unreadable one as -1, for the server to refuse beside the field. */
const whole = (value: string) => {
  const read = Number(value);
  return value.trim() === '' || Number.isNaN(read) ? -1 : read;
};

/**
 * "Rappels et délais": the callback policy and the routing delays, read by every coordinator, changed by national
 * coordinators and administrators (`editable`).
 */
export function PolicyPage({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const s = useSettingsText();
  const callbacks = useCallbackPolicy();
  const routing = useRoutingDelays();
  const [generation, setGeneration] = useState(0);
  const reload = async () => {
    await Promise.all([callbacks.refetch(), routing.refetch()]);
    setGeneration((current) => current + 1);
  };
  return (
    <Page title={s('policyTitle')}>
      <p>{s('policyIntro')}</p>
      {!editable && <p>{s('policyReadOnly')}</p>}
      {callbacks.isError && <Notice kind="error">{errorMessage(callbacks.error, t)}</Notice>}
      {routing.isError && <Notice kind="error">{errorMessage(routing.error, t)}</Notice>}
      {callbacks.data && (
        <CallbackForm
          key={`callbacks-${generation}`}
          policy={callbacks.data}
          editable={editable}
          onReload={reload}
        />
      )}
      {routing.data && (
        <RoutingForm
          key={`routing-${generation}`}
          delays={routing.data}
          editable={editable}
          onReload={reload}
        />
      )}
    </Page>
  );
}

function CallbackForm({
  policy,
  editable,
  onReload,
}: {
  policy: CallbackPolicy;
  editable: boolean;
  onReload: () => void;
}) {
  const s = useSettingsText();
  const id = useId();
  const replace = useReplaceCallbackPolicy();
  const [attempts, setAttempts] = useState(String(policy.maxAttempts));
  const [retry, setRetry] = useState(String(policy.retryAfterMinutes));
  const errors = fieldErrors(replace.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    replace.mutate({
      maxAttempts: whole(attempts),
      retryAfterMinutes: whole(retry),
      version: policy.version,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s('callbacksHeading')}</h2>
      <fieldset disabled={!editable}>
        <legend className="visually-hidden">{s('callbacksHeading')}</legend>
        <FormField
          label={s('maxAttempts')}
          hint={s('maxAttemptsHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          value={attempts}
          error={errors.maxAttempts}
          onChange={(event) => setAttempts(event.target.value)}
        />
        <FormField
          label={s('retryAfter')}
          hint={s('retryAfterHint')}
          type="number"
          inputMode="numeric"
          min={5}
          max={2880}
          value={retry}
          error={errors.retryAfterMinutes}
          onChange={(event) => setRetry(event.target.value)}
        />
      </fieldset>
      {editable && (
        <SaveOutcome
          reloadLabel={s('policyReload')}
          error={replace.error}
          saved={replace.isSuccess ? s('callbacksSaved') : null}
          onReload={onReload}
        >
          <button type="submit" disabled={replace.isPending}>
            {s('saveCallbacks')}
          </button>
        </SaveOutcome>
      )}
    </form>
  );
}

type KindFields = { region: string; national: string; offer: string };

const minutes = (seconds: number) => String(Math.round((seconds / 60) * 100) / 100);

const kindFields = (delays: KindDelays): KindFields => ({
  region: minutes(delays.regionAfterSeconds),
  national: minutes(delays.nationalAfterSeconds),
  offer: String(delays.offerTimeoutSeconds),
});

const kindDelays = (fields: KindFields): KindDelays => ({
  regionAfterSeconds: Math.round(whole(fields.region) * 60),
  nationalAfterSeconds: Math.round(whole(fields.national) * 60),
  offerTimeoutSeconds: whole(fields.offer),
});

function RoutingForm({
  delays,
  editable,
  onReload,
}: {
  delays: RoutingDelays;
  editable: boolean;
  onReload: () => void;
}) {
  const s = useSettingsText();
  const id = useId();
  const replace = useReplaceRoutingDelays();
  const [live, setLive] = useState(kindFields(delays.liveCall));
  const [callback, setCallback] = useState(kindFields(delays.callback));
  const [wrapUp, setWrapUp] = useState(String(delays.wrapUpSeconds));
  const errors = fieldErrors(replace.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    replace.mutate({
      liveCall: kindDelays(live),
      callback: kindDelays(callback),
      wrapUpSeconds: whole(wrapUp),
      version: delays.version,
    });
  }

  const kind = (
    name: 'liveCall' | 'callback',
    legend: string,
    fields: KindFields,
    set: (fields: KindFields) => void,
  ) => (
    <fieldset disabled={!editable}>
      <legend>{legend}</legend>
      <FormField
        label={s('regionAfter')}
        type="number"
        inputMode="decimal"
        min={0}
        value={fields.region}
        error={errors[`${name}.regionAfterSeconds`]}
        onChange={(event) => set({ ...fields, region: event.target.value })}
      />
      <FormField
        label={s('nationalAfter')}
        type="number"
        inputMode="decimal"
        min={0}
        value={fields.national}
        error={errors[`${name}.nationalAfterSeconds`]}
        onChange={(event) => set({ ...fields, national: event.target.value })}
      />
      <FormField
        label={s('offerTimeout')}
        type="number"
        inputMode="numeric"
        min={10}
        max={600}
        value={fields.offer}
        error={errors[`${name}.offerTimeoutSeconds`]}
        onChange={(event) => set({ ...fields, offer: event.target.value })}
      />
    </fieldset>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s('routingHeading')}</h2>
      <p className="hint">{s('routingHint')}</p>
      {kind('liveCall', s('liveCallLegend'), live, setLive)}
      {kind('callback', s('callbackLegend'), callback, setCallback)}
      <fieldset disabled={!editable}>
        <legend>{s('wrapUpLegend')}</legend>
        <FormField
          label={s('wrapUp')}
          hint={s('wrapUpHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={1800}
          value={wrapUp}
          error={errors.wrapUpSeconds}
          onChange={(event) => setWrapUp(event.target.value)}
        />
      </fieldset>
      {editable && (
        <SaveOutcome
          reloadLabel={s('policyReload')}
          error={replace.error}
          saved={replace.isSuccess ? s('routingSaved') : null}
          onReload={onReload}
        >
          <button type="submit" disabled={replace.isPending}>
            {s('saveRouting')}
          </button>
        </SaveOutcome>
      )}
    </form>
  );
}
