import { useState } from 'react';

import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUploadImage } from '../api/tutorials';

/** Adds a picture at the end of the steps, with the description read to those who cannot see it. */
export function ImageInsert({ onInserted }: { onInserted: (markdown: string) => void }) {
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
