import { useEffect, useRef, type ReactNode } from 'react';

import { useI18n } from '../../lib/i18n/i18n';

/**
 * A screen of the app: sets the document title and moves focus to the heading, so that screen-reader and keyboard
 * users land on the new screen after each navigation.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
    heading.current?.focus();
  }, [title, t]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
