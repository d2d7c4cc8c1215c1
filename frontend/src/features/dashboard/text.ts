import { useFeatureText, type Leaves } from '../../lib/i18n/i18n';
import { texts } from './i18n';

export type DashboardKey = Leaves<(typeof texts)['fr']>;

/** The dashboard's own texts, in the app's language. */
export function useDashboardText() {
  return useFeatureText(texts);
}
