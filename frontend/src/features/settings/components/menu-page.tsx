import { useId, useState, type FormEvent } from 'react';

import { Field } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { SaveOutcome } from '../../../components/ui/save-outcome';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMenu, useReplaceMenu, type Menu, type MenuTopic } from '../api/menu';
import { useSettingsText } from '../text';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/**
 * "Thèmes et menu téléphonique": the themes in the phone menu's order, with their keys and what the menu says; read
 * by every coordinator, changed by national coordinators and administrators (`editable`).
 */
export function MenuPage({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const s = useSettingsText();
  const menu = useMenu();
  const [generation, setGeneration] = useState(0);
  const reload = async () => {
    await menu.refetch();
    setGeneration((current) => current + 1);
  };
  return (
    <Page title={s('menuTitle')}>
      <p>{s('menuIntro')}</p>
      {!editable && <p>{s('menuReadOnly')}</p>}
      {menu.isError && <Notice kind="error">{errorMessage(menu.error, t)}</Notice>}
      {menu.data && (
        <>
          <Spoken topics={menu.data.topics} />
          {editable ? (
            <MenuForm key={generation} menu={menu.data} onReload={reload} />
          ) : (
            <MenuTable topics={menu.data.topics} />
          )}
        </>
      )}
    </Page>
  );
}

/** What the phone line says, as the IVR builds it from the themes offered. */
function spokenLine(topic: MenuTopic, s: ReturnType<typeof useSettingsText>) {
  if (topic.spokenFr && topic.spokenFr.trim() !== '') {
    return s('spokenTopic', { what: topic.spokenFr.trim(), key: topic.menuDigit ?? '' });
  }
  return topic.menuDigit === '0'
    ? s('spokenOther')
    : s('spokenTopic', { what: topic.nameFr.replace(' & ', ' et '), key: topic.menuDigit ?? '' });
}

function Spoken({ topics }: { topics: MenuTopic[] }) {
  const s = useSettingsText();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s('spokenHeading')}</h2>
      <ol className="spoken-menu">
        {topics
          .filter((topic) => topic.active)
          .map((topic) => (
            <li key={topic.code}>{spokenLine(topic, s)}</li>
          ))}
      </ol>
    </section>
  );
}

function MenuTable({ topics }: { topics: MenuTopic[] }) {
  const s = useSettingsText();
  return (
    <table>
      <caption>{s('menuCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{s('topicKey')}</th>
          <th scope="col">{s('topicNameFr')}</th>
          <th scope="col">{s('topicNameEn')}</th>
          <th scope="col">{s('topicOffered')}</th>
        </tr>
      </thead>
      <tbody>
        {topics.map((topic) => (
          <tr key={topic.code}>
            <td>{topic.active ? topic.menuDigit : '—'}</td>
            <th scope="row">{topic.nameFr}</th>
            <td>{topic.nameEn}</td>
            <td>{topic.active ? s('yes') : s('no')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Line = MenuTopic & { added: boolean };

function MenuForm({ menu, onReload }: { menu: Menu; onReload: () => void }) {
  const s = useSettingsText();
  const id = useId();
  const replace = useReplaceMenu();
  const [lines, setLines] = useState<Line[]>(menu.topics.map((topic) => ({ ...topic, added: false })));
  const errors = fieldErrors(replace.error);
  const update = (index: number, change: Partial<Line>) =>
    setLines(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  const move = (index: number, by: number) => {
    const moved = [...lines];
    const [line] = moved.splice(index, 1);
    if (line) {
      moved.splice(index + by, 0, line);
      setLines(moved);
    }
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    replace.mutate({
      topics: lines.map((line) => ({
        code: line.code,
        nameFr: line.nameFr,
        nameEn: line.nameEn,
        active: line.active,
        menuDigit: line.active ? line.menuDigit : null,
        spokenFr: line.spokenFr && line.spokenFr.trim() !== '' ? line.spokenFr : null,
        linkUrl: line.linkUrl && line.linkUrl.trim() !== '' ? line.linkUrl : null,
      })),
      version: menu.version,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{s('menuHeading')}</h2>
      <p className="hint">{s('menuHint')}</p>
      {errors.topics && <p className="field-error">{errors.topics}</p>}
      {lines.map((line, index) => {
        const n = String(index + 1);
        const at = (field: string) => `${id}-${index}-${field}`;
        const error = (field: string) => errors[`topics[${index}].${field}`];
        const label = line.nameFr.trim() !== '' ? line.nameFr : s('newTopic');
        return (
          <fieldset key={index} className="shift">
            <legend>{s('topicLegend', { n, name: label })}</legend>
            {line.added && (
              <Field id={at('code')} label={s('topicCode')} hint={s('topicCodeHint')} error={error('code')}>
                {(props) => (
                  <input
                    {...props}
                    value={line.code}
                    maxLength={30}
                    onChange={(event) => update(index, { code: event.target.value.toUpperCase() })}
                  />
                )}
              </Field>
            )}
            <Field id={at('nameFr')} label={s('topicNameFr')} error={error('nameFr')}>
              {(props) => (
                <input
                  {...props}
                  value={line.nameFr}
                  maxLength={120}
                  onChange={(event) => update(index, { nameFr: event.target.value })}
                />
              )}
            </Field>
            <Field id={at('nameEn')} label={s('topicNameEn')} error={error('nameEn')}>
              {(props) => (
                <input
                  {...props}
                  value={line.nameEn}
                  maxLength={120}
                  onChange={(event) => update(index, { nameEn: event.target.value })}
                />
              )}
            </Field>
            <Field
              id={at('spokenFr')}
              label={s('topicSpoken')}
              hint={s('topicSpokenHint')}
              error={error('spokenFr')}
            >
              {(props) => (
                <input
                  {...props}
                  value={line.spokenFr ?? ''}
                  maxLength={200}
                  onChange={(event) => update(index, { spokenFr: event.target.value })}
                />
              )}
            </Field>
            <div className="checkbox">
              <input
                id={at('active')}
                type="checkbox"
                checked={line.active}
                aria-describedby={error('active') ? `${at('active')}-error` : undefined}
                aria-invalid={error('active') ? true : undefined}
                onChange={(event) => update(index, { active: event.target.checked })}
              />
              <label htmlFor={at('active')}>{s('topicOffered')}</label>
              {error('active') && (
                <p id={`${at('active')}-error`} className="field-error">
                  {error('active')}
                </p>
              )}
            </div>
            {line.active && (
              <Field id={at('menuDigit')} label={s('topicKey')} error={error('menuDigit')}>
                {(props) => (
                  <select
                    {...props}
                    value={line.menuDigit ?? ''}
                    onChange={(event) => update(index, { menuDigit: event.target.value || null })}
                  >
                    <option value="">{s('noKey')}</option>
                    {KEYS.map((key) => (
                      <option key={key} value={key}>
                        {key}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field
              id={at('linkUrl')}
              label={s('topicLink')}
              hint={s('topicLinkHint')}
              error={error('linkUrl')}
            >
              {(props) => (
                <input
                  {...props}
                  type="url"
                  value={line.linkUrl ?? ''}
                  maxLength={255}
                  onChange={(event) => update(index, { linkUrl: event.target.value })}
                />
              )}
            </Field>
            <p>
              {index > 0 && (
                <button type="button" onClick={() => move(index, -1)}>
                  {s('moveUp', { name: label })}
                </button>
              )}{' '}
              {index < lines.length - 1 && (
                <button type="button" onClick={() => move(index, 1)}>
                  {s('moveDown', { name: label })}
                </button>
              )}{' '}
              {line.added && (
                <button type="button" onClick={() => setLines(lines.filter((_, i) => i !== index))}>
                  {s('removeNewTopic', { name: label })}
                </button>
              )}
            </p>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          onClick={() =>
            setLines([
              ...lines,
              {
                code: '',
                nameFr: '',
                nameEn: '',
                menuDigit: null,
                linkUrl: null,
                spokenFr: null,
                active: true,
                added: true,
              },
            ])
          }
        >
          {s('addTopic')}
        </button>
      </p>
      <SaveOutcome
        reloadLabel={s('menuReload')}
        error={replace.error}
        saved={replace.isSuccess ? s('menuSaved') : null}
        onReload={onReload}
      >
        <button type="submit" disabled={replace.isPending}>
          {s('saveMenu')}
        </button>
      </SaveOutcome>
    </form>
  );
}
