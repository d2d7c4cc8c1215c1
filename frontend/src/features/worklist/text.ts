import { useFeatureText, type Leaves } from '../../lib/i18n/i18n';
import { texts } from './i18n';

export type WorklistKey = Leaves<(typeof texts)['fr']>;

/** The worklist's own texts, in the app's language. */
export function useWorklistText() {
  return useFeatureText(texts);
}
