// The three languages and which one a device's preferences choose: on their own, without the
// catalogues, so that the visitor's light check-in page can load just the one it needs.
export const LANGUAGES = [
  { code: 'zh-Hans', label: '简体中文', locale: 'zh-CN' },
  { code: 'zh-Hant', label: '繁體中文', locale: 'zh-TW' },
  { code: 'en', label: 'English', locale: 'en-GB' },
];
export const STORAGE_KEY = 'gatepost.language';

/**
 * The language for the device's preferred languages: zh-CN/zh-SG → 简体, zh-TW/zh-HK/zh-MO
 * (and any Hant script) → 繁體, other Chinese → 简体, anything else → English. The first
 * Chinese or English entry decides.
 */
export function languageFor(preferred) {
  for (const tag of preferred || []) {
    const lower = String(tag).toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) {
      if (lower.includes('hant') || /-(tw|hk|mo)\b/.test(lower)) return 'zh-Hant';
      return 'zh-Hans';
    }
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}
