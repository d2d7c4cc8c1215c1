import { useId, useState } from 'react';

import { Field } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { fieldErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { useSaveSmsTemplate, useSmsTemplates, type SmsTemplate } from '../api/sms-templates';

/** The longest text, about four SMS (as the backend checks). */
const MAX_LENGTH = 640;

const NAMED = ['CALLBACK_CONFIRMATION', 'UNREACHABLE', 'INBOUND_REPLY', 'TUTORIAL_LINK'] as const;

/** The template's name for people, or its code when the platform has a new one this screen does not name yet. */
function useTemplateName() {
  const { t } = useI18n();
  return (code: string) => {
    const named = NAMED.find((known) => known === code);
    return named ? t(`smsTemplates.names.${named}`) : code;
  };
}

/**
 * "Textes des SMS": the wording of the texts sent to citizens, the same everywhere, for national coordinators and
 * administrators. Each text says which placeholders it may use; the backend refuses any other.
 */
export function SmsTemplatesPage() {
  const { t } = useI18n();
  const templates = useSmsTemplates();
  return (
    <Page title={t('smsTemplates.title')}>
      <p>{t('smsTemplates.intro')}</p>
      {templates.isError && <Notice kind="error">{errorMessage(templates.error, t)}</Notice>}
      {templates.data?.map((template) => (
        <TemplateForm key={`${template.code}-${template.updatedAt}`} template={template} />
      ))}
    </Page>
  );
}

function TemplateForm({ template }: { template: SmsTemplate }) {
  const { t } = useI18n();
  const name = useTemplateName()(template.code);
  const id = useId();
  const [body, setBody] = useState(template.body);
  const save = useSaveSmsTemplate();
  const headingId = `${id}-heading`;
  const errors = fieldErrors(save.error);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ code: template.code, body });
        }}
      >
        <Field
          label={t('smsTemplates.body')}
          hint={`${t('smsTemplates.placeholders', {
            placeholders: template.placeholders.map((name) => `{${name}}`).join(', '),
          })} ${t('smsTemplates.length', { count: String(body.length), max: String(MAX_LENGTH) })}`}
          error={errors.body}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={body}
              maxLength={MAX_LENGTH}
              onChange={(event) => setBody(event.target.value)}
            />
          )}
        </Field>
        {save.isError && !errors.body && <Notice kind="error">{errorMessage(save.error, t)}</Notice>}
        {save.isSuccess && <p role="status">{t('smsTemplates.saved')}</p>}
        <button type="submit" disabled={save.isPending}>
          {t('smsTemplates.save', { name })}
        </button>
      </form>
    </section>
  );
}
