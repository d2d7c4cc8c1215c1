import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  useBeginTwoFactor,
  useConfirmTwoFactor,
  useDisableTwoFactor,
  useRenewRecoveryCodes,
  useTwoFactorStatus,
  type TwoFactorSetup,
} from '../api/two-factor';

/** The key typed by hand, in groups of four letters as authenticator apps show it. */
function grouped(secret: string) {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * "Double authentification": turning it on with an authenticator app (QR code or key, then a code to prove the app
 * has it), the recovery codes shown once, and for an account that has it, moving to a new phone, new recovery codes
 * and (volunteers only) turning it off, the password asked again for those three.
 */
export function TwoFactorSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const status = useTwoFactorStatus();
  const begin = useBeginTwoFactor();
  const renew = useRenewRecoveryCodes();
  const disable = useDisableTwoFactor(onChanged);
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [password, setPassword] = useState('');
  const [passwordMissing, setPasswordMissing] = useState(false);

  const withPassword = (action: (password: string) => void) => {
    if (password === '') {
      setPasswordMissing(true);
      return;
    }
    setPasswordMissing(false);
    action(password);
  };
  const start = (password?: string) => {
    renew.reset();
    disable.reset();
    begin.mutate(password, {
      onSuccess: (next) => {
        setPassword('');
        setSetup(next);
      },
    });
  };
  const failure = begin.error ?? renew.error ?? disable.error;

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('twoFactor.title')}</h2>
      <p className="hint">{t('twoFactor.intro')}</p>
      {status.isError && <Notice kind="error">{errorMessage(status.error, t)}</Notice>}
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : setup ? (
        <SetupPanel
          setup={setup}
          onCancel={() => setSetup(null)}
          onConfirmed={(codes) => {
            setSetup(null);
            setRecoveryCodes(codes);
            onChanged();
          }}
        />
      ) : (
        status.data && (
          <>
            <p>
              {status.data.enabled
                ? t('twoFactor.on', { count: String(status.data.recoveryCodesLeft) })
                : status.data.mandatory
                  ? t('twoFactor.offMandatory')
                  : t('twoFactor.offOptional')}
            </p>
            {disable.isSuccess && <Notice kind="success">{t('twoFactor.disabled')}</Notice>}
            {status.data.enabled ? (
              <>
                <div className="field">
                  <label htmlFor={`${id}-password`}>{t('twoFactor.password')}</label>
                  <p id={`${id}-hint`} className="hint">
                    {t('twoFactor.passwordHint')}
                  </p>
                  {passwordMissing && (
                    <p id={`${id}-error`} className="field-error">
                      {t('twoFactor.passwordMissing')}
                    </p>
                  )}
                  <input
                    id={`${id}-password`}
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    aria-describedby={passwordMissing ? `${id}-hint ${id}-error` : `${id}-hint`}
                    aria-invalid={passwordMissing ? true : undefined}
                    onChange={(event) => setPassword(event.target.value)}
                  />
                </div>
                <div className="actions">
                  <button type="button" disabled={begin.isPending} onClick={() => withPassword(start)}>
                    {t('twoFactor.changePhone')}
                  </button>
                  <button
                    type="button"
                    disabled={renew.isPending}
                    onClick={() =>
                      withPassword((given) =>
                        renew.mutate(given, {
                          onSuccess: (answer) => {
                            setPassword('');
                            setRecoveryCodes(answer.recoveryCodes);
                          },
                        }),
                      )
                    }
                  >
                    {t('twoFactor.renew')}
                  </button>
                  {!status.data.mandatory && (
                    <button
                      type="button"
                      disabled={disable.isPending}
                      onClick={() =>
                        withPassword((given) => disable.mutate(given, { onSuccess: () => setPassword('') }))
                      }
                    >
                      {t('twoFactor.disable')}
                    </button>
                  )}
                </div>
              </>
            ) : (
              <button type="button" disabled={begin.isPending} onClick={() => start()}>
                {t('twoFactor.start')}
              </button>
            )}
            {failure && <Notice kind="error">{errorMessage(failure, t)}</Notice>}
          </>
        )
      )}
    </section>
  );
}

function SetupPanel({
  setup,
  onCancel,
  onConfirmed,
}: {
  setup: TwoFactorSetup;
  onCancel: () => void;
  onConfirmed: (recoveryCodes: string[]) => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [codeMissing, setCodeMissing] = useState(false);
  const confirm = useConfirmTwoFactor();
  const firstStep = useRef<HTMLParagraphElement>(null);

  useEffect(() => firstStep.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === '') {
      setCodeMissing(true);
      return;
    }
    setCodeMissing(false);
    confirm.mutate(code.trim(), {
      onSuccess: (answer) => onConfirmed(answer.recoveryCodes),
      onError: () => setCode(''),
    });
  }

  return (
    <form onSubmit={submit} className="two-factor-setup">
      <p ref={firstStep} tabIndex={-1}>
        {t('twoFactor.stepApp')}
      </p>
      <p>{t('twoFactor.stepScan')}</p>
      <QRCodeSVG
        value={setup.uri}
        size={192}
        marginSize={4}
        title={t('twoFactor.qrLabel')}
        role="img"
        aria-label={t('twoFactor.qrLabel')}
      />
      <dl className="facts">
        <dt>{t('twoFactor.key')}</dt>
        <dd>
          <code data-testid="two-factor-key">{grouped(setup.secret)}</code>
        </dd>
      </dl>
      <p>{t('twoFactor.stepCode')}</p>
      <FormField
        label={t('twoFactor.code')}
        error={codeMissing ? t('twoFactor.codeMissing') : undefined}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={10}
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      {confirm.isError && <Notice kind="error">{errorMessage(confirm.error, t)}</Notice>}
      <div className="actions">
        <button type="submit" disabled={confirm.isPending}>
          {t('twoFactor.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('twoFactor.cancel')}
        </button>
      </div>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="recovery-codes">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('twoFactor.recoveryTitle')}
      </h3>
      <p>{t('twoFactor.recoveryIntro')}</p>
      <ul aria-label={t('twoFactor.recoveryCaption')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => window.print()}>
          {t('twoFactor.print')}
        </button>
        <button type="button" onClick={onDone}>
          {t('twoFactor.done')}
        </button>
      </div>
    </div>
  );
}
