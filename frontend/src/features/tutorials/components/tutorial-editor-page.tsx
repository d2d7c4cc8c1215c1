import { Link, useParams } from 'react-router';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useEditable } from '../api/tutorials';
import { Publishing } from './publishing';
import { RevisionHistory } from './revision-history';
import { TutorialForm } from './tutorial-form';

/** Writes or changes a tutorial: `/tutoriels/nouveau` opens a draft, `/tutoriels/:slug` changes one. */
export function TutorialEditorPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { slug } = useParams();
  const creating = slug === undefined;
  const loaded = useEditable(slug);
  return (
    <Page title={creating ? t('tutorials.editor.newTitle') : t('tutorials.editor.editTitle')}>
      <p>
        <Link to="/tutoriels">{t('tutorials.editor.back')}</Link>
      </p>
      {!creating && loaded.isPending && <p role="status">{t('app.loading')}</p>}
      {!creating && loaded.isError && <Notice kind="error">{errorMessage(loaded.error, t)}</Notice>}
      {(creating || loaded.data) && <TutorialForm key={slug ?? 'new'} me={me} loaded={loaded.data ?? null} />}
      {loaded.data && me.role !== 'VOLUNTEER' && (
        <Publishing key={`${slug}-publishing`} loaded={loaded.data} />
      )}
      {loaded.data && <RevisionHistory slug={loaded.data.slug} />}
    </Page>
  );
}
