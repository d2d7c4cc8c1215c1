import { useFeatureText, type Leaves } from '../../lib/i18n/i18n';
import { texts } from './i18n';

export type VolunteersKey = Leaves<(typeof texts)['fr']>;

/** The volunteers' files' own texts, in the app's language. */
export function useVolunteersText() {
  return useFeatureText(texts);
}
