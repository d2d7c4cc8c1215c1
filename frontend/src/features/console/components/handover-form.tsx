import { useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { type Ticket } from '../api/console-state';
import { useHandoverCandidates, useHandOver, type HandoverCandidate } from '../api/hand-over';

const NOTE_LIMIT = 1000;

function CandidateChoice({
  candidate,
  checked,
  onChoose,
}: {
  candidate: HandoverCandidate;
  checked: boolean;
  onChoose: () => void;
}) {
  const { t } = useI18n();
  const where =
    candidate.role === 'COORDINATOR'
      ? t(candidate.nearness === 3 ? 'console.handover.national' : 'console.handover.regional')
      : t('console.handover.colleague', {
          presence: t(`console.presence.${candidate.presence ?? 'OFFLINE'}`),
          departement: candidate.departement ?? '',
          nearness: t(`console.handover.nearness.n${Math.min(candidate.nearness, 2) as 0 | 1 | 2}`),
        });
  return (
    <label className="choice">
      <input
        type="radio"
        name="handover-recipient"
        value={candidate.id}
        checked={checked}
        onChange={onChoose}
      />
      <span>
        {candidate.name} <span className="hint">· {where}</span>
      </span>
    </label>
  );
}

/**
 * "Transmettre": hands the request over to a named colleague (nearest first, available first) or to a coordinator,
 * with a note that says why. The recipient holds it at once and sees it in their console.
 */
export function HandoverForm({
  ticket,
  onHandedOver,
}: {
  ticket: Ticket;
  onHandedOver: (name: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [recipient, setRecipient] = useState<HandoverCandidate | null>(null);
  const [note, setNote] = useState('');
  const candidates = useHandoverCandidates(ticket.id, open);
  const handOver = useHandOver();
  const panelId = `handover-${ticket.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (recipient && note.trim()) {
      handOver.mutate(
        { id: ticket.id, recipientId: recipient.id, note: note.trim() },
        { onSuccess: () => onHandedOver(recipient.name) },
      );
    }
  }

  const group = (legend: string, people: HandoverCandidate[], empty: string) => (
    <fieldset>
      <legend>{legend}</legend>
      {people.length === 0 && <p>{empty}</p>}
      {people.map((candidate) => (
        <CandidateChoice
          key={candidate.id}
          candidate={candidate}
          checked={recipient?.id === candidate.id}
          onChoose={() => setRecipient(candidate)}
        />
      ))}
    </fieldset>
  );

  return (
    <section className="handover" aria-labelledby={`${panelId}-title`}>
      <h3 id={`${panelId}-title`}>{t('console.handover.title')}</h3>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('console.handover.open')}
      </button>
      {open && (
        <form id={panelId} onSubmit={submit}>
          <p className="hint">{t('console.handover.intro')}</p>
          {candidates.isPending && <p role="status">{t('app.loading')}</p>}
          {candidates.isError && <Notice kind="error">{errorMessage(candidates.error, t)}</Notice>}
          {candidates.data && (
            <>
              {group(
                t('console.handover.colleagues'),
                candidates.data.colleagues,
                t('console.handover.noColleague'),
              )}
              {group(
                t('console.handover.coordinators'),
                candidates.data.coordinators,
                t('console.handover.noCoordinator'),
              )}
            </>
          )}
          <div className="field">
            <label htmlFor={`${panelId}-note`}>{t('console.handover.note')}</label>
            <textarea
              id={`${panelId}-note`}
              rows={3}
              maxLength={NOTE_LIMIT}
              required
              aria-describedby={`${panelId}-note-hint`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <p id={`${panelId}-note-hint`} className="hint">
              {t('console.handover.noteHint')}
            </p>
          </div>
          <button type="submit" disabled={handOver.isPending || !recipient || !note.trim()}>
            {recipient
              ? t('console.handover.submitTo', { name: recipient.name })
              : t('console.handover.submit')}
          </button>
          {handOver.isError && <Notice kind="error">{errorMessage(handOver.error, t)}</Notice>}
        </form>
      )}
    </section>
  );
}
