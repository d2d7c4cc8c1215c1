import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useThemes } from '../../../lib/reference-data';
import { useEditorList, useImportBundle, type EditorRow } from '../api/tutorials';

function RowList({ rows, topicName }: { rows: EditorRow[]; topicName: (code: string) => string }) {
  const { t, language } = useI18n();
  const date = (day: string) =>
    new Date(`${day}T12:00:00`).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
    });
  return (
    <ul className="tutorial-rows">
      {rows.map((row) => (
        <li key={row.slug}>
          <Link to={`/tutoriels/${row.slug}`}>{row.title}</Link>
          <br />
          <span className="hint">
            {t('tutorials.list.row', {
              topic: topicName(row.topicCode),
              status: row.published ? t('tutorials.published') : t('tutorials.draft'),
              reviewed: date(row.reviewedOn),
              sent: String(row.counts.smsSent),
              opens: String(row.counts.linkOpens),
              yes: String(row.counts.helpfulYes),
              no: String(row.counts.helpfulNo),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Tutorials as a commons: the whole library as a zip bundle, and a bundle from elsewhere imported. */
function Commons() {
  const { t } = useI18n();
  const importBundle = useImportBundle();
  const [archive, setArchive] = useState<File | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (archive) {
      importBundle.mutate(archive);
    }
  }
  const report = importBundle.data;
  return (
    <section aria-labelledby="tutorials-commons">
      <h2 id="tutorials-commons">{t('tutorials.commons.title')}</h2>
      <p>{t('tutorials.commons.intro')}</p>
      <p>
        <a href="/api/tutorials/editor/bundle" download>
          {t('tutorials.commons.export')}
        </a>
      </p>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="tutorials-bundle">{t('tutorials.commons.file')}</label>
          <input
            id="tutorials-bundle"
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => setArchive(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" disabled={!archive || importBundle.isPending}>
          {t('tutorials.commons.import')}
        </button>
      </form>
      {importBundle.isError && <Notice kind="error">{errorMessage(importBundle.error, t)}</Notice>}
      {report && (
        <Notice kind={report.rejected.length > 0 || report.keptLocal.length > 0 ? 'info' : 'success'}>
          <p>
            {t('tutorials.commons.report', {
              added: String(report.added.length),
              updated: String(report.updated.length),
            })}
          </p>
          {report.keptLocal.length > 0 && (
            <p>{t('tutorials.commons.keptLocal', { slugs: report.keptLocal.join(', ') })}</p>
          )}
          {report.rejected.length > 0 && (
            <>
              <p>{t('tutorials.commons.rejected')}</p>
              <ul>
                {report.rejected.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </Notice>
      )}
    </section>
  );
}

/**
 * The tutorials editor's list: drafts to review, tutorials to check again (not checked for 12 months), the published
 * ones with what was done with them. A volunteer sees their own drafts.
 */
export function TutorialsPage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const list = useEditorList();
  const topics = useThemes();
  const names = new Map(
    (topics.data ?? []).map((topic) => [topic.code, language === 'en' ? topic.nameEn : topic.nameFr]),
  );
  const topicName = (code: string) => names.get(code) ?? code;
  const rows = list.data ?? [];
  const editor = me.role !== 'VOLUNTEER';
  const sections: { id: string; title: string; rows: EditorRow[]; empty: string }[] = editor
    ? [
        {
          id: 'drafts',
          title: t('tutorials.list.drafts'),
          rows: rows.filter((row) => !row.published),
          empty: t('tutorials.list.noDrafts'),
        },
        {
          id: 'review',
          title: t('tutorials.list.review'),
          rows: rows.filter((row) => row.published && row.needsReview),
          empty: t('tutorials.list.noReview'),
        },
        {
          id: 'published',
          title: t('tutorials.list.published'),
          rows: rows.filter((row) => row.published),
          empty: t('tutorials.list.noPublished'),
        },
      ]
    : [{ id: 'own', title: t('tutorials.list.own'), rows, empty: t('tutorials.list.noOwn') }];
  return (
    <Page title={t('tutorials.title')}>
      <p>{editor ? t('tutorials.intro.editor') : t('tutorials.intro.volunteer')}</p>
      <p>
        <Link className="button-link" to="/tutoriels/nouveau">
          {editor ? t('tutorials.new') : t('tutorials.propose')}
        </Link>
      </p>
      {list.isPending && <p role="status">{t('app.loading')}</p>}
      {list.isError && <Notice kind="error">{errorMessage(list.error, t)}</Notice>}
      {list.data &&
        sections.map((section) => (
          <section key={section.id} aria-labelledby={`tutorials-${section.id}`}>
            <h2 id={`tutorials-${section.id}`}>
              {section.title} ({section.rows.length})
            </h2>
            {section.rows.length === 0 ? (
              <p>{section.empty}</p>
            ) : (
              <RowList rows={section.rows} topicName={topicName} />
            )}
          </section>
        ))}
      {editor && <Commons />}
    </Page>
  );
}
