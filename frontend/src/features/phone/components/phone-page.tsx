import { useState } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { usePhone, useCallAction, type CallState } from '../api/phone';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

type Line = { who: 'hotline' | 'caller'; text: string };

/** "+33612345678" → "06 12 34 56 78" */
export function displayNumber(e164: string) {
  if (!e164.startsWith('+33') || e164.length !== 12) {
    return e164;
  }
  return `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

function speak(lines: string[]) {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) {
    return;
  }
  for (const line of lines) {
    const utterance = new SpeechSynthesisUtterance(line);
    utterance.lang = 'fr-FR';
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }
}

/**
 * The training phone: a simulated citizen's phone that calls the hotline (through the Twilio simulator) and
 * receives its texts. Volunteers discover what callers hear; coordinators train newcomers with it.
 */
export function PhonePage() {
  const { t } = useI18n();
  const phone = usePhone();
  const [lines, setLines] = useState<Line[]>([]);
  const [call, setCall] = useState<CallState | null>(null);
  const [typed, setTyped] = useState('');
  const [readAloud, setReadAloud] = useState(false);
  const action = useCallAction((state) => {
    setCall(state);
    setLines((before) => [...before, ...state.heard.map((text): Line => ({ who: 'hotline', text }))]);
    if (readAloud) {
      speak(state.heard);
    }
  });

  // a call left under way (page reloaded) is picked up where it was
  const current = call ?? phone.data?.call ?? null;
  const inCall = current !== null && !current.ended;
  const awaited = inCall ? current.awaitedKeys : null;

  function dial() {
    setLines([]);
    setTyped('');
    action.mutate({ kind: 'dial' });
  }

  function send(keys: string) {
    setTyped('');
    setLines((before) => [
      ...before,
      { who: 'caller', text: t('phone.youPressed', { keys: keys.split('').join(' ') }) },
    ]);
    action.mutate({ kind: 'keys', keys });
  }

  function press(key: string) {
    if (awaited === null) {
      return;
    }
    if (key === '#') {
      if (typed) {
        send(typed);
      }
      return;
    }
    const next = typed + key;
    if (next.length >= awaited) {
      send(next);
    } else {
      setTyped(next);
    }
  }

  function stayQuiet() {
    setTyped('');
    setLines((before) => [...before, { who: 'caller', text: t('phone.youStayedQuiet') }]);
    action.mutate({ kind: 'silence' });
  }

  function hangUp() {
    setTyped('');
    window.speechSynthesis?.cancel();
    action.mutate({ kind: 'hangup' });
  }

  return (
    <Page title={t('phone.title')}>
      <p>{t('phone.intro')}</p>
      {phone.isError && <Notice kind="error">{errorMessage(phone.error, t)}</Notice>}
      {action.isError && <Notice kind="error">{errorMessage(action.error, t)}</Notice>}
      {phone.data && (
        <>
          <p>{t('phone.number', { number: displayNumber(phone.data.number) })}</p>
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={readAloud}
                onChange={(event) => setReadAloud(event.target.checked)}
              />{' '}
              {t('phone.readAloud')}
            </label>
          </div>
          {!inCall && (
            <button type="button" onClick={dial} disabled={action.isPending}>
              {t('phone.dial', { hotline: displayNumber(phone.data.hotline) })}
            </button>
          )}
          <section aria-labelledby="phone-call">
            <h2 id="phone-call">{inCall ? t('phone.callInProgress') : t('phone.call')}</h2>
            <div role="log" aria-live="polite" aria-label={t('phone.transcript')} className="transcript">
              {lines.length === 0 && <p>{t('phone.noCall')}</p>}
              {lines.map((line, index) => (
                <p key={index} className={line.who === 'caller' ? 'caller' : undefined}>
                  {line.who === 'hotline' ? `${t('phone.hotlineSays')} ${line.text}` : line.text}
                </p>
              ))}
              {current?.ended && <p>{t('phone.ended')}</p>}
            </div>
            {inCall && (
              <>
                <p role="status">
                  {awaited === null
                    ? t('phone.waiting')
                    : t('phone.awaitedKeys', { count: String(awaited) }) +
                      (typed ? ` ${t('phone.typed', { keys: typed.split('').join(' ') })}` : '')}
                </p>
                <div role="group" aria-label={t('phone.keypad')} className="keypad">
                  {KEYS.map((key) => (
                    <button
                      key={key}
                      type="button"
                      aria-label={t('phone.key', {
                        key: key === '*' ? t('phone.star') : key === '#' ? t('phone.hash') : key,
                      })}
                      disabled={awaited === null || action.isPending}
                      onClick={() => press(key)}
                    >
                      {key}
                    </button>
                  ))}
                </div>
                <p className="actions">
                  <button type="button" onClick={stayQuiet} disabled={awaited === null || action.isPending}>
                    {t('phone.stayQuiet')}
                  </button>{' '}
                  <button type="button" onClick={hangUp} disabled={action.isPending}>
                    {t('phone.hangUp')}
                  </button>
                </p>
              </>
            )}
          </section>
          <section aria-labelledby="phone-inbox">
            <h2 id="phone-inbox">{t('phone.inbox')}</h2>
            {phone.data.inbox.length === 0 ? (
              <p>{t('phone.noTexts')}</p>
            ) : (
              <ul className="inbox">
                {[...phone.data.inbox].reverse().map((text, index) => (
                  <li key={`${text.receivedAt}-${index}`}>
                    <p className="meta">
                      {t('phone.textFrom', {
                        from: displayNumber(text.from),
                        at: new Date(text.receivedAt).toLocaleString('fr-FR'),
                      })}
                    </p>
                    <p>{text.body}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
