import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useChoosePresence, type Presence } from '../api/console';

const CHOICES = ['AVAILABLE', 'PAUSED', 'OFFLINE'] as const;

/** Disponible / En pause / Hors ligne in one click (or one arrow key); "busy" is shown, never chosen. */
export function PresenceToggle({ presence, qualified }: { presence: Presence; qualified: boolean }) {
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
      {!qualified && <p className="hint">{t('console.presence.notQualified')}</p>}
      {choose.isError && <Notice kind="error">{errorMessage(choose.error, t)}</Notice>}
    </fieldset>
  );
}
