import { useFeatureText, type Leaves } from '../../lib/i18n/i18n';
import { texts } from './i18n';

export type SettingsKey = Leaves<(typeof texts)['fr']>;

/** The service settings' own texts, in the app's language. */
export function useSettingsText() {
  return useFeatureText(texts);
}
