import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { useRecheckSignIn, type Me } from '../../../lib/auth';
import { useCallPhone } from '../../../lib/call-phone';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useThemes } from '../../../lib/reference-data';
import {
  CONSOLE,
  useConsoleState,
  type ConsoleState,
  type RegionFigures,
  type Ticket,
} from '../api/console-state';
import { useMyShifts } from '../api/my-shifts';
import { useRecentTickets } from '../api/recent-tickets';
import { useTakeNext } from '../api/ticket-action';
import { TRAINING } from '../api/training';
import { useLiveChannel, type ChannelStatus } from '../live/live-channel';
import { startRinging } from '../live/ring';
import { CurrentTicket } from './current-ticket';
import { OfferCard, secondsLeft } from './offer-card';
import { PresenceToggle } from './presence-toggle';
import { QueueCounts } from './queue-counts';
import { TrainingChecklist } from './training-checklist';

/** A random key (crypto.randomUUID needs HTTPS or localhost; the demo may be opened over plain HTTP). */
function idempotencyKey() {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function ChannelNotice({ status }: { status: ChannelStatus }) {
  const { t } = useI18n();
  return (
    <p className={`channel channel-${status}`} role="status">
      {t(`console.channel.${status}`)}
    </p>
  );
}

function MyShifts() {
  const { t } = useI18n();
  const shifts = useMyShifts();
  return (
    <section aria-labelledby="shifts-title">
      <h2 id="shifts-title">{t('console.shifts.title')}</h2>
      {shifts.data && shifts.data.shifts.length === 0 && <p>{t('console.shifts.none')}</p>}
      <ul>
        {shifts.data?.shifts.map((shift) => (
          <li key={`${shift.day}-${shift.starts}`}>
            {t('console.shifts.item', {
              day: t(`console.shifts.days.${shift.day as 'MONDAY'}`),
              starts: shift.starts.slice(0, 5),
              ends: shift.ends.slice(0, 5),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecentTickets({ topicName }: { topicName: (code: string) => string }) {
  const { t } = useI18n();
  const recent = useRecentTickets();
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">{t('console.recent.title')}</h2>
      {recent.data && recent.data.length === 0 && <p>{t('console.recent.none')}</p>}
      <ul>
        {recent.data?.map((ticket) => (
          <li key={ticket.id}>
            {t('console.recent.item', {
              reference: ticket.reference,
              topic: topicName(ticket.topicCode),
              status: t(`console.statuses.${ticket.status}`),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The requests in hand: a list to choose from when there are several, and the chosen one in full. */
function HeldTickets({
  held,
  topicName,
  canCall,
  selected,
  onSelect,
  onHandedOver,
}: {
  held: Ticket[];
  topicName: (code: string) => string;
  canCall: boolean;
  selected: number | null;
  onSelect: (id: number) => void;
  onHandedOver: (name: string) => void;
}) {
  const { t } = useI18n();
  const current = held.find((ticket) => ticket.id === selected) ?? held[0] ?? null;
  return (
    <>
      {held.length > 1 && (
        <nav aria-label={t('console.current.choose')}>
          <ul className="held">
            {held.map((ticket) => (
              <li key={ticket.id}>
                <button
                  type="button"
                  aria-current={current?.id === ticket.id ? 'true' : undefined}
                  onClick={() => onSelect(ticket.id)}
                >
                  {t('console.current.open', { reference: ticket.reference })}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {current ? (
        <CurrentTicket
          key={current.id}
          ticket={current}
          topicName={topicName}
          canCall={canCall}
          onHandedOver={onHandedOver}
        />
      ) : (
        <p>{t('console.current.none')}</p>
      )}
    </>
  );
}

/**
 * What screen readers are told when requests come into the volunteer's hands (accepted, taken, or handed over by a
 * colleague while they were elsewhere on the page): their references, once.
 */
function useNewlyHeld(held: Ticket[] | undefined) {
  const { t } = useI18n();
  const known = useRef<Set<number> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!held) {
      return;
    }
    const arrived = known.current === null ? [] : held.filter((ticket) => !known.current!.has(ticket.id));
    known.current = new Set(held.map((ticket) => ticket.id));
    if (arrived.length > 0) {
      setMessage(
        t('console.current.arrived', { references: arrived.map((ticket) => ticket.reference).join(', ') }),
      );
    }
  }, [held, t]);
  return message;
}

/** Rings while at least one offer is pending; returns what screen readers are told of the newest offer. */
function useRinging(state: ConsoleState | undefined, topicName: (code: string) => string) {
  const { t } = useI18n();
  const offers = state?.offers ?? [];
  const ringing = offers.some((offer) => secondsLeft(offer.expiresAt) > 0);
  useEffect(() => (ringing ? startRinging() : undefined), [ringing]);
  const newest = offers[offers.length - 1];
  return newest
    ? t('console.offer.announce', {
        kind: t(`console.kinds.${newest.ticket.kind}`),
        topic: topicName(newest.ticket.topicCode),
        departement: newest.ticket.departementCode,
        seconds: String(secondsLeft(newest.expiresAt)),
      })
    : '';
}

/**
 * The volunteer console: presence, live queue counts, offers that ring, "prendre la suivante", the request in hand
 * with everything one can do with it, and recent requests. Real time through STOMP; every action through the API.
 */
export function ConsolePage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const recheckSignIn = useRecheckSignIn();
  const state = useConsoleState();
  const callPhone = useCallPhone(me.role !== 'VOLUNTEER');
  const topics = useThemes();
  const takeNext = useTakeNext();
  const [selected, setSelected] = useState<number | null>(null);
  const [nothingWaiting, setNothingWaiting] = useState(false);
  const [handedTo, setHandedTo] = useState<string | null>(null);

  const topicName = useMemo(() => {
    const names = new Map(
      (topics.data ?? []).map((topic) => [topic.code, language === 'en' ? topic.nameEn : topic.nameFr]),
    );
    return (code: string) => names.get(code) ?? code;
  }, [topics.data, language]);

  const subscriptions = useMemo(() => {
    const data = state.data;
    return data
      ? {
          personal: data.channel.personal,
          figures: data.regions.map((region) => data.channel.figures + region),
        }
      : undefined;
  }, [state.data]);
  const channel = useLiveChannel(subscriptions, {
    onSignInEnded: recheckSignIn,
    onConnected: () => {
      void queryClient.invalidateQueries({ queryKey: CONSOLE });
      void queryClient.invalidateQueries({ queryKey: TRAINING });
    },
    onEvent: (event) => {
      if (event.type === 'TRAINING') {
        void queryClient.invalidateQueries({ queryKey: TRAINING });
      }
      void queryClient.invalidateQueries({ queryKey: CONSOLE });
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
    onFigures: (body) => {
      const region = body as RegionFigures;
      queryClient.setQueryData<ConsoleState>(CONSOLE, (current) =>
        current
          ? {
              ...current,
              figures: [...current.figures.filter((r) => r.region !== region.region), region],
            }
          : current,
      );
    },
  });
  const announcement = useRinging(state.data, topicName);
  const arrived = useNewlyHeld(state.data?.held);

  if (state.isPending) {
    return <p role="status">{t('app.loading')}</p>;
  }
  if (state.isError) {
    return (
      <Page title={t('console.title')}>
        <Notice kind="error">{errorMessage(state.error, t)}</Notice>
      </Page>
    );
  }
  const data = state.data;
  const counts = <QueueCounts figures={data.figures} territories={data.territories} topicName={topicName} />;

  return (
    <Page title={t('console.title')}>
      <p className="reminder">{t('console.reminder')}</p>
      <ChannelNotice status={channel} />
      {handedTo && <Notice kind="success">{t('console.handover.done', { name: handedTo })}</Notice>}
      <div className="visually-hidden" aria-live="assertive">
        {announcement}
      </div>
      <div className="visually-hidden" aria-live="polite">
        {arrived}
      </div>
      {data.presence === null ? (
        <>
          <p>{me.role === 'VOLUNTEER' ? t('console.noProfile') : t('console.notVolunteer')}</p>
          {data.held.length > 0 && (
            <section aria-labelledby="handed-title">
              <h2 id="handed-title">{t('console.handedToMe')}</h2>
              <HeldTickets
                held={data.held}
                topicName={topicName}
                canCall={callPhone.data?.maskedPhone != null}
                selected={selected}
                onSelect={setSelected}
                onHandedOver={setHandedTo}
              />
            </section>
          )}
          {counts}
        </>
      ) : (
        <div className="console-grid">
          <div className="console-side">
            {!data.qualified && <TrainingChecklist live={channel === 'connected'} />}
            <PresenceToggle
              presence={data.presence}
              qualified={data.qualified}
              wrapUpUntil={data.wrapUpUntil}
            />
            {data.offers.map((offer) => (
              <OfferCard
                key={offer.ticket.id}
                ticket={offer.ticket}
                expiresAt={offer.expiresAt}
                topicName={topicName(offer.ticket.topicCode)}
              />
            ))}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={takeNext.isPending}
                onClick={() => {
                  setNothingWaiting(false);
                  takeNext.mutate(idempotencyKey(), {
                    onSuccess: (ticket) => {
                      setNothingWaiting(!ticket);
                      if (ticket) {
                        setSelected(ticket.id);
                      }
                    },
                  });
                }}
              >
                {takeNext.isPending ? t('console.takingNext') : t('console.takeNext')}
              </button>
            </div>
            {nothingWaiting && <Notice kind="info">{t('console.nothingWaiting')}</Notice>}
            {takeNext.isError && <Notice kind="error">{errorMessage(takeNext.error, t)}</Notice>}
            {counts}
            <MyShifts />
          </div>
          <div className="console-main">
            <HeldTickets
              held={data.held}
              topicName={topicName}
              canCall
              selected={selected}
              onSelect={setSelected}
              onHandedOver={setHandedTo}
            />
            <RecentTickets topicName={topicName} />
          </div>
        </div>
      )}
    </Page>
  );
}
