import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useTutorialAction, type Editable } from '../api/tutorials';

/** Publishing a tutorial or taking it back, and saying it was checked again (coordinators and administrators). */
export function Publishing({ loaded }: { loaded: Editable }) {
  const { t } = useI18n();
  const action = useTutorialAction();
  return (
    <section aria-labelledby="tutorial-publishing">
      <h2 id="tutorial-publishing">{t('tutorials.editor.publishing')}</h2>
      <div className="actions">
        <button
          type="button"
          disabled={action.isPending}
          onClick={() =>
            action.mutate({ slug: loaded.slug, action: loaded.published ? 'unpublish' : 'publish' })
          }
        >
          {loaded.published ? t('tutorials.editor.unpublish') : t('tutorials.editor.publish')}
        </button>
        <button
          type="button"
          disabled={action.isPending}
          onClick={() => action.mutate({ slug: loaded.slug, action: 'reviewed' })}
        >
          {t('tutorials.editor.markReviewed')}
        </button>
      </div>
      {action.isSuccess && <Notice kind="success">{t('tutorials.editor.done')}</Notice>}
      {action.isError && <Notice kind="error">{errorMessage(action.error, t)}</Notice>}
    </section>
  );
}
