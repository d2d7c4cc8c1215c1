import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import type { Me } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { parisToday } from '../../../lib/paris-time';
import {
  LICENCES,
  useCreateTutorial,
  useEditable,
  usePreview,
  useRevisions,
  useTopics,
  useTutorialAction,
  useUpdateTutorial,
  useUploadImage,
  type Editable,
  type Revision,
  type TutorialContent,
} from '../api/tutorials';

// the help desk's day: in the UTC date, today could not be chosen between midnight and 1–2 am in Paris
const today = () => parisToday();

const blank = (): TutorialContent => ({
  topicCode: '',
  title: '',
  summary: '',
  level: 'BEGINNER',
  easyRead: false,
  prerequisites: '',
  steps: '1. ',
  links: [],
  licence: 'CC-BY-SA-4.0',
  reviewedOn: today(),
});

/** An address from a title: lower case, no accents, words joined by hyphens. */
export function slugOf(title: string) {
  return title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

function TextArea({
  id,
  label,
  hint,
  rows,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** Adds a picture at the end of the steps, with the description read to those who cannot see it. */
function ImageInsert({ onInserted }: { onInserted: (markdown: string) => void }) {
  const { t } = useI18n();
  const upload = useUploadImage();
  const [picture, setPicture] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  return (
    <fieldset className="field">
      <legend>{t('tutorials.editor.image')}</legend>
      <p className="hint">{t('tutorials.editor.imageHint')}</p>
      <label htmlFor="tutorial-image">{t('tutorials.editor.imageFile')}</label>
      <input
        id="tutorial-image"
        type="file"
        accept="image/jpeg,image/png,image/gif,image/bmp,image/webp"
        onChange={(e) => setPicture(e.target.files?.[0] ?? null)}
      />
      <label htmlFor="tutorial-image-alt">{t('tutorials.editor.imageAlt')}</label>
      <input id="tutorial-image-alt" value={description} onChange={(e) => setDescription(e.target.value)} />
      <button
        type="button"
        disabled={!picture || !description.trim() || upload.isPending}
        onClick={() =>
          picture &&
          upload.mutate(picture, {
            onSuccess: (image) => {
              onInserted(`![${description.trim().replace(/[[\]]/g, '')}](${image.url})`);
              setDescription('');
            },
          })
        }
      >
        {t('tutorials.editor.imageInsert')}
      </button>
      {upload.isSuccess && (
        <Notice kind="success">
          {t('tutorials.editor.imageInserted', {
            width: String(upload.data.width),
            height: String(upload.data.height),
            size: String(Math.ceil(upload.data.size / 1024)),
          })}
        </Notice>
      )}
      {upload.isError && <Notice kind="error">{errorMessage(upload.error, t)}</Notice>}
    </fieldset>
  );
}

function Form({ me, loaded }: { me: Me; loaded: Editable | null }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const topics = useTopics();
  const create = useCreateTutorial();
  const update = useUpdateTutorial();
  const action = useTutorialAction();
  const preview = usePreview();
  const [content, setContent] = useState<TutorialContent>(loaded?.content ?? blank());
  const [slug, setSlug] = useState(loaded?.slug ?? '');
  const [slugTouched, setSlugTouched] = useState(false);
  const [shortCode, setShortCode] = useState(loaded?.shortCode ?? '');
  const [saved, setSaved] = useState(false);
  const [previewed, setPreviewed] = useState<{ prerequisites: string; steps: string } | null>(null);
  const editor = me.role !== 'VOLUNTEER';
  const set = <K extends keyof TutorialContent>(key: K, value: TutorialContent[K]) => {
    setSaved(false);
    setContent((current) => ({ ...current, [key]: value }));
  };

  function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (loaded) {
      update.mutate(
        { slug: loaded.slug, basedOn: loaded.revision, content },
        { onSuccess: () => setSaved(true) },
      );
    } else {
      create.mutate(
        { slug, shortCode, content },
        { onSuccess: (created) => navigate(`/tutoriels/${created.slug}`, { state: { created: true } }) },
      );
    }
  }

  async function showPreview() {
    const [prerequisites, steps] = await Promise.all([
      preview.mutateAsync(content.prerequisites),
      preview.mutateAsync(content.steps),
    ]);
    setPreviewed({ prerequisites: prerequisites.html, steps: steps.html });
  }

  const failed = create.error ?? update.error;
  return (
    <>
      {loaded && (
        <p>
          {t('tutorials.editor.state', {
            status: loaded.published ? t('tutorials.published') : t('tutorials.draft'),
            revision: String(loaded.revision),
          })}{' '}
          {loaded.published && (
            <a href={`/tutoriels/${loaded.slug}`} target="_blank" rel="noreferrer">
              {t('tutorials.editor.open')}
            </a>
          )}
        </p>
      )}
      {loaded?.needsReview && <Notice kind="info">{t('tutorials.editor.needsReview')}</Notice>}
      <form onSubmit={save} className="tutorial-form">
        <div className="field">
          <label htmlFor="tutorial-title">{t('tutorials.editor.titleField')}</label>
          <input
            id="tutorial-title"
            required
            maxLength={160}
            value={content.title}
            onChange={(e) => {
              set('title', e.target.value);
              if (!loaded && !slugTouched) {
                setSlug(slugOf(e.target.value));
              }
            }}
          />
        </div>
        {!loaded && (
          <>
            <div className="field">
              <label htmlFor="tutorial-slug">{t('tutorials.editor.slug')}</label>
              <p id="tutorial-slug-hint" className="hint">
                {t('tutorials.editor.slugHint', { slug: slug || '…' })}
              </p>
              <input
                id="tutorial-slug"
                required
                maxLength={100}
                aria-describedby="tutorial-slug-hint"
                value={slug}
                onChange={(e) => {
                  setSlugTouched(true);
                  setSlug(e.target.value);
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="tutorial-code">{t('tutorials.editor.code')}</label>
              <p id="tutorial-code-hint" className="hint">
                {t('tutorials.editor.codeHint')}
              </p>
              <input
                id="tutorial-code"
                required
                maxLength={12}
                aria-describedby="tutorial-code-hint"
                value={shortCode}
                onChange={(e) => setShortCode(e.target.value)}
              />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="tutorial-topic">{t('tutorials.editor.topic')}</label>
          <select
            id="tutorial-topic"
            required
            value={content.topicCode}
            onChange={(e) => set('topicCode', e.target.value)}
          >
            <option value="">{t('tutorials.editor.chooseTopic')}</option>
            {topics.data?.map((topic) => (
              <option key={topic.code} value={topic.code}>
                {language === 'en' ? topic.nameEn : topic.nameFr}
              </option>
            ))}
          </select>
        </div>
        <TextArea
          id="tutorial-summary"
          label={t('tutorials.editor.summary')}
          rows={2}
          value={content.summary}
          onChange={(value) => set('summary', value)}
        />
        <fieldset className="field">
          <legend>{t('tutorials.editor.level')}</legend>
          {(['BEGINNER', 'INTERMEDIATE'] as const).map((level) => (
            <label key={level} className="choice">
              <input
                type="radio"
                name="tutorial-level"
                checked={content.level === level}
                onChange={() => set('level', level)}
              />
              {t(`tutorials.levels.${level}`)}
            </label>
          ))}
          <label className="choice">
            <input
              type="checkbox"
              checked={content.easyRead}
              onChange={(e) => set('easyRead', e.target.checked)}
            />
            {t('tutorials.editor.easyRead')}
          </label>
        </fieldset>
        <TextArea
          id="tutorial-prerequisites"
          label={t('tutorials.editor.prerequisites')}
          hint={t('tutorials.editor.markdownHint')}
          rows={5}
          value={content.prerequisites}
          onChange={(value) => set('prerequisites', value)}
        />
        <TextArea
          id="tutorial-steps"
          label={t('tutorials.editor.steps')}
          hint={t('tutorials.editor.stepsHint')}
          rows={14}
          value={content.steps}
          onChange={(value) => set('steps', value)}
        />
        <ImageInsert onInserted={(markdown) => set('steps', `${content.steps.trimEnd()}\n\n${markdown}\n`)} />
        <fieldset className="field">
          <legend>{t('tutorials.editor.links')}</legend>
          {content.links.map((link, index) => (
            <div key={index} className="link-row">
              <label htmlFor={`link-label-${index}`}>
                {t('tutorials.editor.linkLabel', { n: String(index + 1) })}
              </label>
              <input
                id={`link-label-${index}`}
                value={link.label}
                onChange={(e) =>
                  set(
                    'links',
                    content.links.map((l, i) => (i === index ? { ...l, label: e.target.value } : l)),
                  )
                }
              />
              <label htmlFor={`link-url-${index}`}>
                {t('tutorials.editor.linkUrl', { n: String(index + 1) })}
              </label>
              <input
                id={`link-url-${index}`}
                type="url"
                value={link.url}
                placeholder="https://"
                onChange={(e) =>
                  set(
                    'links',
                    content.links.map((l, i) => (i === index ? { ...l, url: e.target.value } : l)),
                  )
                }
              />
              <button
                type="button"
                onClick={() =>
                  set(
                    'links',
                    content.links.filter((_, i) => i !== index),
                  )
                }
              >
                {t('tutorials.editor.removeLink', { n: String(index + 1) })}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => set('links', [...content.links, { label: '', url: 'https://' }])}
          >
            {t('tutorials.editor.addLink')}
          </button>
        </fieldset>
        <div className="field">
          <label htmlFor="tutorial-licence">{t('tutorials.editor.licence')}</label>
          <select
            id="tutorial-licence"
            value={content.licence}
            onChange={(e) => set('licence', e.target.value)}
          >
            {LICENCES.map((licence) => (
              <option key={licence} value={licence}>
                {licence}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tutorial-reviewed">{t('tutorials.editor.reviewedOn')}</label>
          <input
            id="tutorial-reviewed"
            type="date"
            max={today()}
            value={content.reviewedOn}
            onChange={(e) => set('reviewedOn', e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending || update.isPending}>
            {loaded
              ? t('tutorials.editor.save')
              : editor
                ? t('tutorials.editor.create')
                : t('tutorials.editor.propose')}
          </button>
          <button type="button" disabled={preview.isPending} onClick={() => void showPreview()}>
            {t('tutorials.editor.preview')}
          </button>
        </div>
        {saved && <Notice kind="success">{t('tutorials.editor.saved')}</Notice>}
        {failed && <Notice kind="error">{errorMessage(failed, t)}</Notice>}
        {preview.isError && <Notice kind="error">{errorMessage(preview.error, t)}</Notice>}
      </form>
      {loaded && editor && (
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
      )}
      {loaded && <RevisionHistory slug={loaded.slug} />}
      {previewed && (
        <section className="tutorial-preview" aria-labelledby="tutorial-preview-title">
          <h2 id="tutorial-preview-title">{t('tutorials.editor.previewTitle')}</h2>
          <h3>{content.title}</h3>
          <p>{content.summary}</p>
          <h4>{t('tutorials.editor.prerequisites')}</h4>
          {/* rendered by the server's Markdown renderer, which escapes raw HTML and drops unsafe addresses */}
          <div dangerouslySetInnerHTML={{ __html: previewed.prerequisites }} />
          <h4>{t('tutorials.editor.steps')}</h4>
          <div dangerouslySetInnerHTML={{ __html: previewed.steps }} />
        </section>
      )}
    </>
  );
}

/** Every revision kept: when, and by whom or from which bundle. */
function RevisionHistory({ slug }: { slug: string }) {
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
      {(creating || loaded.data) && <Form key={slug ?? 'new'} me={me} loaded={loaded.data ?? null} />}
    </Page>
  );
}
