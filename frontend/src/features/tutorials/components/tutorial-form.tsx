import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

import { Choices, Field, FormField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import type { Me } from '../../../lib/auth';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { parisToday } from '../../../lib/paris-time';
import { useThemes } from '../../../lib/reference-data';
import {
  LICENCES,
  useCreateTutorial,
  usePreview,
  useUpdateTutorial,
  type Editable,
  type TutorialContent,
  type TutorialLink,
} from '../api/tutorials';
import { ImageInsert } from './image-insert';

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
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  rows: number;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <textarea {...control} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/**
 * A tutorial's text and where it lives: a new draft's address and short code, then its title, theme, summary,
 * level, prerequisites, steps, pictures, links, licence and review date; each refusal beside its field. The preview
 * shows the text as citizens will read it.
 */
export function TutorialForm({ me, loaded }: { me: Me; loaded: Editable | null }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const topics = useThemes();
  const create = useCreateTutorial();
  const update = useUpdateTutorial();
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
  const errors = fieldErrors(failed);
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
        <FormField
          id="tutorial-title"
          label={t('tutorials.editor.titleField')}
          required
          maxLength={160}
          value={content.title}
          error={errors['content.title']}
          onChange={(e) => {
            set('title', e.target.value);
            if (!loaded && !slugTouched) {
              setSlug(slugOf(e.target.value));
            }
          }}
        />
        {!loaded && (
          <>
            <FormField
              id="tutorial-slug"
              label={t('tutorials.editor.slug')}
              hint={t('tutorials.editor.slugHint', { slug: slug || '…' })}
              required
              maxLength={100}
              value={slug}
              error={errors.slug}
              onChange={(e) => {
                setSlugTouched(true);
                setSlug(e.target.value);
              }}
            />
            <FormField
              id="tutorial-code"
              label={t('tutorials.editor.code')}
              hint={t('tutorials.editor.codeHint')}
              required
              maxLength={12}
              value={shortCode}
              error={errors.shortCode}
              onChange={(e) => setShortCode(e.target.value)}
            />
          </>
        )}
        <Field id="tutorial-topic" label={t('tutorials.editor.topic')} error={errors['content.topicCode']}>
          {(control) => (
            <select
              {...control}
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
          )}
        </Field>
        <TextArea
          id="tutorial-summary"
          label={t('tutorials.editor.summary')}
          rows={2}
          value={content.summary}
          error={errors['content.summary']}
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
          error={errors['content.prerequisites']}
          onChange={(value) => set('prerequisites', value)}
        />
        <TextArea
          id="tutorial-steps"
          label={t('tutorials.editor.steps')}
          hint={t('tutorials.editor.stepsHint')}
          rows={14}
          value={content.steps}
          error={errors['content.steps']}
          onChange={(value) => set('steps', value)}
        />
        <ImageInsert onInserted={(markdown) => set('steps', `${content.steps.trimEnd()}\n\n${markdown}\n`)} />
        <LinksField
          links={content.links}
          error={errors['content.links']}
          onChange={(links) => set('links', links)}
        />
        <Field id="tutorial-licence" label={t('tutorials.editor.licence')} error={errors['content.licence']}>
          {(control) => (
            <select {...control} value={content.licence} onChange={(e) => set('licence', e.target.value)}>
              {LICENCES.map((licence) => (
                <option key={licence} value={licence}>
                  {licence}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormField
          id="tutorial-reviewed"
          label={t('tutorials.editor.reviewedOn')}
          type="date"
          max={today()}
          value={content.reviewedOn}
          error={errors['content.reviewedOn']}
          onChange={(e) => set('reviewedOn', e.target.value)}
        />
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
        {failed && Object.keys(errors).length === 0 && (
          <Notice kind="error">{errorMessage(failed, t)}</Notice>
        )}
        {preview.isError && <Notice kind="error">{errorMessage(preview.error, t)}</Notice>}
      </form>
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

/** The links at the end of a tutorial, each a label and an https address; a refusal is read out with the group. */
function LinksField({
  links,
  error,
  onChange,
}: {
  links: TutorialLink[];
  error?: string;
  onChange: (links: TutorialLink[]) => void;
}) {
  const { t } = useI18n();
  return (
    <Choices className="field" legend={t('tutorials.editor.links')} error={error}>
      {links.map((link, index) => (
        <div key={index} className="link-row">
          <label htmlFor={`link-label-${index}`}>
            {t('tutorials.editor.linkLabel', { n: String(index + 1) })}
          </label>
          <input
            id={`link-label-${index}`}
            value={link.label}
            onChange={(e) =>
              onChange(links.map((l, i) => (i === index ? { ...l, label: e.target.value } : l)))
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
            onChange={(e) => onChange(links.map((l, i) => (i === index ? { ...l, url: e.target.value } : l)))}
          />
          <button type="button" onClick={() => onChange(links.filter((_, i) => i !== index))}>
            {t('tutorials.editor.removeLink', { n: String(index + 1) })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...links, { label: '', url: 'https://' }])}>
        {t('tutorials.editor.addLink')}
      </button>
    </Choices>
  );
}
