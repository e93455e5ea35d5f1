// Languages: the message catalogues, the choice (following the device, then remembered),
// and numbers, times and server problems in the chosen language.
import en from './messages/en.js';
import zhHans from './messages/zh-Hans.js';
import zhHant from './messages/zh-Hant.js';
import { LANGUAGES, languageFor, STORAGE_KEY } from './languages.js';

export { LANGUAGES, languageFor };

const CATALOGUES = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

let current = 'en';
let timeZone = 'Asia/Shanghai';

export function initLanguage() {
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch { /* storage blocked: follow the device */ }
  setLanguage(CATALOGUES[saved] ? saved : languageFor(navigator.languages || [navigator.language]), false);
}

export function setLanguage(code, remember = true) {
  current = CATALOGUES[code] ? code : 'en';
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, current); } catch { /* not remembered, still used */ }
  }
  document.documentElement.lang = current;
  document.title = t('app.name');
  document.dispatchEvent(new CustomEvent('languagechange'));
}

export function language() {
  return current;
}

export function forgetLanguage() {
  try { localStorage.removeItem(STORAGE_KEY); } catch { /* nothing to forget */ }
}

/** The county's zone, from the server's gate rule: days and clock times are shown in it. */
export function setTimeZone(zone) {
  timeZone = zone || timeZone;
}

/** A message in the current language; {name} placeholders are filled from params. */
export function t(key, params = {}) {
  const text = CATALOGUES[current][key] ?? CATALOGUES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A message in a given language, whatever the chosen one (a poster speaks Chinese and English at once). */
export function tIn(code, key, params = {}) {
  const text = (CATALOGUES[code] || CATALOGUES.en)[key] ?? CATALOGUES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function has(key) {
  return key in CATALOGUES[current];
}

function locale() {
  return LANGUAGES.find((l) => l.code === current).locale;
}

export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

export function formatTemperature(celsius) {
  return `${formatNumber(celsius, 1)} °C`;
}

export function formatTime(date) {
  return new Intl.DateTimeFormat(locale(), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(date));
}

/** The end of a shift: midnight as 24:00, so that 18:00–24:00 reads as the evening it is. */
export function formatEnd(date) {
  const text = formatTime(date);
  return text === '00:00' ? '24:00' : text;
}

export function formatDateTime(date) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone, month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(date));
}

/** The county's zone, e.g. Asia/Shanghai. */
export function zone() {
  return timeZone;
}

/** A calendar day (YYYY-MM-DD) as "Mon 2 Mar" / "3月2日 周一". */
export function formatDay(day, { weekday = true, year = false } = {}) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'UTC', month: 'short', day: 'numeric', weekday: weekday ? 'short' : undefined, year: year ? 'numeric' : undefined,
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A moment as a date and time with the year, for lists that span months. */
export function formatMoment(date) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(date));
}

/** The county's calendar day of a moment, as YYYY-MM-DD. */
export function dayOf(date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(date));
}

/**
 * A server problem (RFC 9457) in the user's language: by the field it names where we know
 * the field, else by its type; the server's own detail where we know neither.
 */
export function problemText(problem, status) {
  if (!problem) return t('problem.unknown', { status: status ?? '?' });
  const field = problem.errors && problem.errors[0] && problem.errors[0].field;
  if (field && has(`problem.field.${field}`)) return t(`problem.field.${field}`);
  if (problem.type && has(`problem.${problem.type}`)) return t(`problem.${problem.type}`);
  return problem.detail || problem.title || t('problem.unknown', { status: problem.status ?? status ?? '?' });
}
