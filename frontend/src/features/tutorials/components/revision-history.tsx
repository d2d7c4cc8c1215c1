import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useRevisions, type Revision } from '../api/tutorials';

/** Every revision kept: when, and by whom or from which bundle. */
export function RevisionHistory({ slug }: { slug: string }) {
  const { t, language } = useI18n();
  const revisions = useRevisions(slug);
  const when = (instant: string) =>
    new Date(instant).toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
    });
  const line = (revision: Revision) => {
    const values = {
      revision: String(revision.revision),
      when: when(revision.savedAt),
      author: revision.author ?? '',
      bundle: String(revision.bundleRevision ?? ''),
    };
    if (revision.origin === 'SEED') {
      return t('tutorials.editor.historySeed', values);
    }
    if (revision.origin === 'IMPORT') {
      return t('tutorials.editor.historyImport', values);
    }
    return revision.author
      ? t('tutorials.editor.historyLocal', values)
      : t('tutorials.editor.historyLocalUnknown', values);
  };
  return (
    <section aria-labelledby="tutorial-history">
      <h2 id="tutorial-history">{t('tutorials.editor.historyTitle')}</h2>
      {revisions.isPending && <p role="status">{t('app.loading')}</p>}
      {revisions.isError && <Notice kind="error">{errorMessage(revisions.error, t)}</Notice>}
      {revisions.data && (
        <ol reversed>
          {revisions.data.map((revision) => (
            <li key={revision.revision}>{line(revision)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
