import { en } from '../en';
import { fr } from '../fr';
import { preferredLanguage, translator } from '../i18n';

function keysOf(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

describe('i18n', () => {
  it('speaks French unless the browser prefers English', () => {
    expect(preferredLanguage(['de-DE', 'en'])).toBe('fr');
    expect(preferredLanguage(['en-GB', 'fr'])).toBe('en');
    expect(preferredLanguage([])).toBe('fr');
  });

  it('fills placeholders', () => {
    expect(translator('fr')('home.title', { name: 'Claire' })).toBe('Bonjour Claire');
    expect(translator('en')('home.title', { name: 'Claire' })).toBe('Hello Claire');
  });

  it('has the same messages in English as in French', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(fr).sort());
  });
});
