import { useId, type ReactNode } from 'react';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { csvUrl, type Question, type Tables } from '../api/statistics';
import { useDashboardText } from '../text';

export type CsvOptions = { separator: 'semicolon' | 'comma'; decimal: 'comma' | 'point' };

export function Section({
  title,
  table,
  question,
  csv,
  children,
}: {
  title: string;
  table: Tables | 'summary';
  question: Question;
  csv: CsvOptions;
  children: ReactNode;
}) {
  const d = useDashboardText();
  const id = useId();
  return (
    <section aria-labelledby={id} className="report-section">
      <h2 id={id}>{title}</h2>
      {children}
      <p>
        <a href={csvUrl(table, question, csv)} download>
          {d('exportCsv', { title })}
        </a>
      </p>
    </section>
  );
}

export function Loading({ query }: { query: { isPending: boolean; isError: boolean; error: unknown } }) {
  const { t } = useI18n();
  if (query.isError) {
    return <Notice kind="error">{errorMessage(query.error, t)}</Notice>;
  }
  return <p role="status">{t('app.loading')}</p>;
}
