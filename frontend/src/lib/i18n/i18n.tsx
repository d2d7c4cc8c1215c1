import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';

import { en } from './en';
import { fr, type Catalogue } from './fr';

export type Language = 'fr' | 'en';

const catalogues: Record<Language, Catalogue> = { fr, en };

/** The dotted keys of a catalogue's texts. */
export type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Catalogue>;

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/** French unless the browser prefers English, as the backend decides from Accept-Language. */
export function preferredLanguage(languages: readonly string[] = navigator.languages): Language {
  const first = languages[0]?.toLowerCase() ?? 'fr';
  return first.startsWith('en') ? 'en' : 'fr';
}

export function translator(language: Language): Translate {
  return lookUp(catalogues[language]);
}

function lookUp(catalogue: object) {
  return (key: string, values: Record<string, string> = {}) => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
    if (typeof text !== 'string') {
      throw new Error(`Missing message ${key}`);
    }
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  };
}

/**
 * The texts of a feature loaded on demand (with its screens, so that other screens do not carry them), in the
 * language of the app: the feature keeps them in its own French and English catalogue, of the same shape.
 */
export function useFeatureText<C extends object>(
  catalogues: Record<Language, C>,
): (key: Leaves<C>, values?: Record<string, string>) => string {
  const { language } = useContext(I18nContext);
  return useMemo(() => lookUp(catalogues[language]), [catalogues, language]);
}

const I18nContext = createContext<{ language: Language; t: Translate }>({
  language: 'fr',
  t: translator('fr'),
});

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nContext.Provider value={{ language, t: translator(language) }}>{children}</I18nContext.Provider>
  );
}

export function useI18n() {
  return useContext(I18nContext);
}
