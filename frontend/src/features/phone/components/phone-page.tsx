import { useEffect, useRef, useState } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-client';
import type { Me } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  usePhone,
  useCallAction,
  useChoosePresence,
  useMyRequests,
  usePresence,
  useRequestAction,
  useRingThisPhone,
  useVolunteerPhone,
  type CallState,
  type Line,
} from '../api/phone';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

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

/** Reads aloud, once, what the hotline says on the call. */
function useReadAloud(call: CallState | null, enabled: boolean) {
  const spoken = useRef<{ sid: string | null; count: number }>({ sid: null, count: 0 });
  useEffect(() => {
    if (!call) {
      return;
    }
    const said = call.transcript.filter((line) => line.kind === 'SAID').map((line) => line.text);
    const already = spoken.current.sid === call.sid ? spoken.current.count : 0;
    spoken.current = { sid: call.sid, count: said.length };
    if (enabled && said.length > already) {
      speak(said.slice(already));
    }
  }, [call, enabled]);
}

/**
 * The training phone: a simulated phone that calls the hotline (through the Twilio simulator), rings when the
 * hotline calls it (a callback, or a call offered to a volunteer), and receives the hotline's texts. Volunteers
 * discover what callers hear; coordinators train newcomers with it.
 */
export function PhonePage({ me }: { me: Me }) {
  const { t } = useI18n();
  const phone = usePhone();
  const [typed, setTyped] = useState('');
  const [readAloud, setReadAloud] = useState(false);
  const action = useCallAction();
  const call = phone.data?.call ?? null;
  useReadAloud(call, readAloud);

  const live = call !== null && !call.ended;
  const awaited = call?.state === 'ACTIVE' || call?.state === 'WAITING' ? call.awaitedKeys : null;

  function send(keys: string) {
    setTyped('');
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

  function hangUp() {
    setTyped('');
    window.speechSynthesis?.cancel();
    action.mutate({ kind: 'hangup' });
  }

  function describe(line: Line) {
    switch (line.kind) {
      case 'SAID':
        return `${t('phone.hotlineSays')} ${line.text}`;
      case 'KEYS':
        return t('phone.youPressed', { keys: line.text.split('').join(' ') });
      case 'SILENCE':
        return t('phone.youStayedQuiet');
    }
  }

  return (
    <Page title={t('phone.title')}>
      <p>{t('phone.intro')}</p>
      {phone.isError && (
        <Notice kind="error">
          {phone.error instanceof ApiError && phone.error.status === 404
            ? t('phone.off')
            : errorMessage(phone.error, t)}
        </Notice>
      )}
      {action.isError && <Notice kind="error">{errorMessage(action.error, t)}</Notice>}
      {phone.data && (
        <>
          <p>{t('phone.number', { number: displayNumber(phone.data.number) })}</p>
          {me.role === 'VOLUNTEER' && <VolunteerPhone number={phone.data.number} me={me} />}
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
          {!live && (
            <button
              type="button"
              onClick={() => {
                setTyped('');
                action.mutate({ kind: 'dial' });
              }}
              disabled={action.isPending}
            >
              {t('phone.dial', { hotline: displayNumber(phone.data.hotline) })}
            </button>
          )}
          <section aria-labelledby="phone-call">
            <h2 id="phone-call">
              {call?.state === 'RINGING'
                ? t('phone.incoming')
                : live
                  ? t('phone.callInProgress')
                  : t('phone.call')}
            </h2>
            {call?.state === 'RINGING' && (
              <>
                <p role="status">{t('phone.ringing', { number: displayNumber(call.otherNumber ?? '') })}</p>
                <p className="actions">
                  <button
                    type="button"
                    onClick={() => action.mutate({ kind: 'answer' })}
                    disabled={action.isPending}
                  >
                    {t('phone.answer')}
                  </button>{' '}
                  <button type="button" onClick={hangUp} disabled={action.isPending}>
                    {t('phone.decline')}
                  </button>
                </p>
              </>
            )}
            <div role="log" aria-live="polite" aria-label={t('phone.transcript')} className="transcript">
              {(call === null || call.transcript.length === 0) && call?.state !== 'RINGING' && (
                <p>{t('phone.noCall')}</p>
              )}
              {call?.transcript.map((line, index) => (
                <p key={index} className={line.kind === 'SAID' ? undefined : 'caller'}>
                  {describe(line)}
                </p>
              ))}
              {call?.state === 'WAITING' && <p>{t('phone.waitingInQueue')}</p>}
              {call?.state === 'DIALING' && <p>{t('phone.dialing')}</p>}
              {call?.state === 'BRIDGED' && <p>{t('phone.bridged')}</p>}
              {call?.ended && <p>{t('phone.ended')}</p>}
            </div>
            {live && call.state !== 'RINGING' && (
              <>
                <p role="status">
                  {call.state === 'BRIDGED'
                    ? t('phone.talking')
                    : awaited === null
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
                  <button
                    type="button"
                    onClick={() => {
                      setTyped('');
                      action.mutate({ kind: 'silence' });
                    }}
                    disabled={awaited === null || action.isPending}
                  >
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

/**
 * Which phone the platform rings for the volunteer, a button to make it this one, and their presence (live calls
 * are offered to available volunteers only), so that a volunteer can train on live calls.
 */
function VolunteerPhone({ number, me }: { number: string; me: Me }) {
  const { t } = useI18n();
  const registered = useVolunteerPhone(true);
  const ringThis = useRingThisPhone();
  // before a coordinator approves them, a volunteer trains on the phone: no presence, no requests yet
  const presence = usePresence(registered.isSuccess && me.approved);
  const choose = useChoosePresence();
  const available = presence.data?.status === 'AVAILABLE' || presence.data?.status === 'BUSY';
  if (registered.error instanceof ApiError && registered.error.status === 404) {
    return (
      <section aria-labelledby="phone-volunteer">
        <h2 id="phone-volunteer">{t('phone.volunteerPhone')}</h2>
        <p>{t('phone.noVolunteerProfile')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="phone-volunteer">
      <h2 id="phone-volunteer">{t('phone.volunteerPhone')}</h2>
      {registered.isError && <Notice kind="error">{errorMessage(registered.error, t)}</Notice>}
      {ringThis.isError && <Notice kind="error">{errorMessage(ringThis.error, t)}</Notice>}
      {registered.isSuccess && (
        <p>
          {registered.data
            ? t('phone.volunteerPhoneIs', { number: registered.data })
            : t('phone.volunteerPhoneNone')}
        </p>
      )}
      <button type="button" onClick={() => ringThis.mutate(number)} disabled={ringThis.isPending}>
        {t('phone.ringThisPhone')}
      </button>
      {ringThis.isSuccess && <p role="status">{t('phone.ringThisPhoneDone')}</p>}
      {presence.isError && <Notice kind="error">{errorMessage(presence.error, t)}</Notice>}
      {choose.isError && <Notice kind="error">{errorMessage(choose.error, t)}</Notice>}
      {presence.data && (
        <>
          <p role="status">
            {t('phone.presenceIs', { presence: t(`phone.presence.${presence.data.status}`) })}
          </p>
          <button
            type="button"
            onClick={() => choose.mutate(available ? 'OFFLINE' : 'AVAILABLE')}
            disabled={choose.isPending}
          >
            {available ? t('phone.goOffline') : t('phone.goAvailable')}
          </button>
        </>
      )}
      {registered.isSuccess && me.approved && <MyRequests me={me} />}
    </section>
  );
}

/**
 * The requests offered to the volunteer or in their hands, with what the telephony side needs: accept an offer,
 * call a citizen back. (The console shows the whole request; this is enough to train on the phone.)
 */
function MyRequests({ me }: { me: Me }) {
  const { t } = useI18n();
  const requests = useMyRequests(true);
  const act = useRequestAction();
  const mine = (requests.data ?? []).filter((request) => request.assigneeId === me.id);
  return (
    <>
      <h3>{t('phone.myRequests')}</h3>
      {requests.isError && <Notice kind="error">{errorMessage(requests.error, t)}</Notice>}
      {act.isError && <Notice kind="error">{errorMessage(act.error, t)}</Notice>}
      {act.isSuccess && act.variables.action === 'call' && <p role="status">{t('phone.callingYou')}</p>}
      {requests.isSuccess && mine.length === 0 && <p>{t('phone.noRequests')}</p>}
      {mine.length > 0 && (
        <ul className="requests">
          {mine.map((request) => (
            <li key={request.id}>
              {t('phone.request', {
                reference: request.reference,
                kind: t(`phone.kind.${request.kind}`),
                topic: request.topicCode,
                postcode: request.postcode,
                status: t(`phone.requestStatus.${request.status}`),
              })}{' '}
              {request.status === 'OFFERED' && (
                <button
                  type="button"
                  disabled={act.isPending}
                  onClick={() => act.mutate({ id: request.id, action: 'accept' })}
                >
                  {t('phone.accept', { reference: request.reference })}
                </button>
              )}
              {request.status === 'ASSIGNED' && request.kind === 'CALLBACK' && (
                <button
                  type="button"
                  disabled={act.isPending}
                  onClick={() => act.mutate({ id: request.id, action: 'call' })}
                >
                  {t('phone.callBack', { reference: request.reference })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
