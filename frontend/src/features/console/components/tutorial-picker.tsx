import { useState, type FormEvent } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { type Ticket } from '../api/console-state';
import { useSendTutorial, useTutorials, type TutorialCard } from '../api/tutorials';

const SHOWN = 5;

/**
 * Tutorials for the request in hand: those of its theme first, or those a search finds; each sent to the citizen by
 * text in one click (its short link, from the hotline's number).
 */
export function TutorialPicker({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [searched, setSearched] = useState('');
  const list = useTutorials(searched ? { q: searched } : { topic: ticket.topicCode });
  const send = useSendTutorial();
  const [sentTitle, setSentTitle] = useState<string | null>(null);
  const fieldId = `tutorial-search-${ticket.id}`;

  function search(event: FormEvent) {
    event.preventDefault();
    setSearched(typed.trim());
  }

  function sendOne(tutorial: TutorialCard) {
    setSentTitle(null);
    send.mutate({ id: ticket.id, slug: tutorial.slug }, { onSuccess: () => setSentTitle(tutorial.title) });
  }

  const shown = (list.data ?? []).slice(0, SHOWN);
  return (
    <section className="tutorial-picker" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`}>{t('console.tutorials.title')}</h3>
      <form className="inline-form" role="search" onSubmit={search}>
        <div className="field">
          <label htmlFor={fieldId}>{t('console.tutorials.search')}</label>
          <input
            id={fieldId}
            type="search"
            maxLength={200}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit">{t('console.tutorials.find')}</button>
      </form>
      <p className="hint" role="status">
        {searched ? t('console.tutorials.results', { query: searched }) : t('console.tutorials.suggested')}
      </p>
      {list.isError && <Notice kind="error">{errorMessage(list.error, t)}</Notice>}
      {list.data && shown.length === 0 && <p>{t('console.tutorials.none')}</p>}
      <ul className="tutorial-cards">
        {shown.map((tutorial) => (
          <li key={tutorial.slug}>
            <a href={tutorial.path} target="_blank" rel="noreferrer">
              {tutorial.title}
            </a>
            {tutorial.easyRead && <span className="hint"> · {t('console.tutorials.easyRead')}</span>}
            <br />
            <span className="hint">
              {t('console.tutorials.counts', {
                sent: String(tutorial.counts.smsSent),
                opens: String(tutorial.counts.linkOpens),
              })}
            </span>{' '}
            <button
              type="button"
              disabled={send.isPending}
              aria-label={t('console.tutorials.sendNamed', { title: tutorial.title })}
              onClick={() => sendOne(tutorial)}
            >
              {t('console.tutorials.send')}
            </button>
          </li>
        ))}
      </ul>
      {sentTitle && <Notice kind="success">{t('console.tutorials.sent', { title: sentTitle })}</Notice>}
      {send.isError && <Notice kind="error">{errorMessage(send.error, t)}</Notice>}
    </section>
  );
}
