/**
 * Language for the standalone public page: the same choice as the app (localStorage `netra.lang`),
 * without i18next, so the page's bundle stays small.
 */
import { useEffect, useState } from 'react';
import { transparencyEn } from '../../i18n/transparency.en';
import { transparencyId, type TransparencyTexts } from '../../i18n/transparency.id';

const STORAGE_KEY = 'netra.lang';

function savedLanguage(): 'id' | 'en' {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** The texts in the chosen language and a toggle between Indonesian and English. */
export function useTexts(): [TransparencyTexts, () => void] {
  const [lang, setLang] = useState(savedLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
  }, [lang]);
  return [lang === 'en' ? transparencyEn : transparencyId, () => setLang((l) => (l === 'en' ? 'id' : 'en'))];
}

/** "{date}"-style placeholders. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
