import { useEffect, useState } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import type { Presence } from '../../../lib/reference-data';
import { useChoosePresence, useEndWrapUp } from '../api/presence';
import { secondsLeft } from './offer-card';

/** After a request, a short time to finish notes and the report before new offers; the volunteer may end it. */
function WrapUp({ until }: { until: string }) {
  const { t } = useI18n();
  const end = useEndWrapUp();
  const [seconds, setSeconds] = useState(() => secondsLeft(until));
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds(secondsLeft(until)), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  if (seconds === 0) {
    return null;
  }
  return (
    <div className="wrap-up">
      <p>{t('console.wrapUp.text', { seconds: String(seconds) })}</p>
      <button type="button" disabled={end.isPending} onClick={() => end.mutate(undefined)}>
        {t('console.wrapUp.ready')}
      </button>
      {end.isError && <Notice kind="error">{errorMessage(end.error, t)}</Notice>}
    </div>
  );
}

const CHOICES = ['AVAILABLE', 'PAUSED', 'OFFLINE'] as const;

/** Disponible / En pause / Hors ligne in one click (or one arrow key); "busy" is shown, never chosen. */
export function PresenceToggle({
  presence,
  qualified,
  wrapUpUntil,
}: {
  presence: Presence;
  qualified: boolean;
  wrapUpUntil: string | null;
}) {
  const { t } = useI18n();
  const choose = useChoosePresence();
  // busy volunteers are available once they hold fewer requests than they can handle
  const checked = presence === 'BUSY' ? 'AVAILABLE' : presence;
  return (
    <fieldset className="presence">
      <legend>{t('console.presence.legend')}</legend>
      <div className="presence-choices">
        {CHOICES.map((choice) => (
          <label key={choice} className={`presence-choice presence-${choice.toLowerCase()}`}>
            <input
              type="radio"
              name="presence"
              value={choice}
              checked={checked === choice}
              disabled={choose.isPending || (choice === 'AVAILABLE' && !qualified)}
              onChange={() => choose.mutate(choice)}
            />
            {t(`console.presence.${choice}`)}
          </label>
        ))}
      </div>
      <p role="status">{t('console.presence.now', { status: t(`console.presence.${presence}`) })}</p>
      {presence === 'BUSY' && <p className="hint">{t('console.presence.busyHint')}</p>}
      {wrapUpUntil && presence === 'AVAILABLE' && <WrapUp until={wrapUpUntil} />}
      {!qualified && <p className="hint">{t('console.presence.notQualified')}</p>}
      {choose.isError && <Notice kind="error">{errorMessage(choose.error, t)}</Notice>}
    </fieldset>
  );
}
