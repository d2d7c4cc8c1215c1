import { useId, useMemo, useState } from 'react';

import { Notice } from '../../../components/ui/notice';
import { Page } from '../../../components/ui/page';
import { errorMessage } from '../../../lib/error-message';
import { useI18n, type Translate } from '../../../lib/i18n/i18n';
import { useAccessRequest, useErasureRequest, type AccessFile } from '../api/data-subject';

const HOLDERS = ['requests', 'hotline', 'blocklist', 'limits', 'volunteer phones'] as const;

function holderName(holder: string, t: Translate) {
  const known = HOLDERS.find((candidate) => candidate === holder);
  return known ? t(`dataSubject.holders.${known}`) : holder;
}

/**
 * "Droits des personnes", for national coordinators and administrators: a citizen who called asks what Passerelle
 * keeps about them, or that it be erased. After checking who they are (by calling the number back), the
 * coordinator downloads the file to send them, or erases everything (refused while one of their requests is open;
 * a blocked number stays blocked).
 */
export function DataSubjectPage() {
  const { t } = useI18n();
  const id = useId();
  const [phone, setPhone] = useState('');
  const [checked, setChecked] = useState(false);
  const access = useAccessRequest();
  const erasure = useErasureRequest();
  return (
    <Page title={t('dataSubject.title')}>
      <p>{t('dataSubject.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-phone`}>{t('dataSubject.phone')}</label>
        <p id={`${id}-phone-hint`} className="hint">
          {t('dataSubject.phoneHint')}
        </p>
        <input
          id={`${id}-phone`}
          type="tel"
          autoComplete="off"
          value={phone}
          maxLength={30}
          aria-describedby={`${id}-phone-hint`}
          onChange={(event) => {
            setPhone(event.target.value);
            access.reset();
            erasure.reset();
          }}
        />
      </div>
      <div className="field">
        <input
          id={`${id}-checked`}
          type="checkbox"
          checked={checked}
          onChange={(event) => setChecked(event.target.checked)}
        />
        <label htmlFor={`${id}-checked`}>{t('dataSubject.identityChecked')}</label>
      </div>

      <section aria-labelledby={`${id}-access`}>
        <h2 id={`${id}-access`}>{t('dataSubject.accessHeading')}</h2>
        <button
          type="button"
          disabled={!checked || phone.trim() === '' || access.isPending}
          onClick={() => access.mutate(phone)}
        >
          {t('dataSubject.access')}
        </button>
        {access.isError && <Notice kind="error">{errorMessage(access.error, t)}</Notice>}
        {access.data && <AccessSummary file={access.data} />}
      </section>

      <section aria-labelledby={`${id}-erasure`}>
        <h2 id={`${id}-erasure`}>{t('dataSubject.erasureHeading')}</h2>
        <p>{t('dataSubject.erasureWarning')}</p>
        <button
          type="button"
          disabled={!checked || phone.trim() === '' || erasure.isPending}
          onClick={() => erasure.mutate(phone)}
        >
          {t('dataSubject.erase')}
        </button>
        {erasure.isError && <Notice kind="error">{errorMessage(erasure.error, t)}</Notice>}
        {erasure.data && (
          <Notice kind="success">
            {t('dataSubject.erased')}{' '}
            {Object.entries(erasure.data.erased)
              .map(([holder, count]) => `${holderName(holder, t)} : ${count}`)
              .join(', ')}
            .
          </Notice>
        )}
      </section>
    </Page>
  );
}

function AccessSummary({ file }: { file: AccessFile }) {
  const { t } = useI18n();
  // a few kilobytes: a data address needs nothing to release afterwards
  const link = useMemo(
    () => `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(file, null, 2))}`,
    [file],
  );
  const day = file.generatedAt.slice(0, 10);
  return (
    <Notice kind="success">
      <p>{t('dataSubject.found', { masked: file.masked })}</p>
      <ul>
        {Object.entries(file.kept).map(([holder, items]) => (
          <li key={holder}>
            {holderName(holder, t)} : {items.length}
          </li>
        ))}
      </ul>
      <a href={link} download={`passerelle-donnees-${day}.json`}>
        {t('dataSubject.download')}
      </a>
    </Notice>
  );
}
