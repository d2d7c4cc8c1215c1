import { createContext, useContext, useEffect, type ReactNode } from 'react';

import { en } from './en';
import { fr, type Catalogue } from './fr';

export type Language = 'fr' | 'en';

const catalogues: Record<Language, Catalogue> = { fr, en };

type Leaves<T, Prefix extends string = ''> = {
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
  return (key, values = {}) => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogues[language]);
    if (typeof text !== 'string') {
      throw new Error(`Missing message ${key}`);
    }
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  };
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
