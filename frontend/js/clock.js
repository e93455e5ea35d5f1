// The phone's clock may be wrong: its offset from the server's clock is measured from the
// Date header of API answers, and entries are recorded at the corrected time.
const STORAGE_KEY = 'gatepost.clockOffset';
export const WARN_AFTER_MS = 2 * 60 * 1000;

let offsetMs = load();

function load() {
  try {
    const value = Number(JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null')?.offsetMs);
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

/**
 * The offset (server minus phone, in ms) from one answer: the Date header has whole seconds,
 * so the server's moment is taken as the middle of that second, compared with the middle of
 * the round trip. Null when the header is missing or the round trip too slow to tell.
 */
export function offsetFrom(dateHeader, sentAt, receivedAt) {
  const server = Date.parse(dateHeader || '');
  if (!Number.isFinite(server) || receivedAt - sentAt > 10_000) return null;
  return Math.round(server + 500 - (sentAt + receivedAt) / 2);
}

export function observe(dateHeader, sentAt, receivedAt) {
  const measured = offsetFrom(dateHeader, sentAt, receivedAt);
  if (measured === null) return;
  // Within the header's one-second resolution the phone is taken as right.
  offsetMs = Math.abs(measured) < 1500 ? 0 : measured;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ offsetMs, measuredAt: receivedAt }));
  } catch { /* kept for this session only */ }
  globalThis.dispatchEvent?.(new CustomEvent('clockchange'));
}

export function offset() {
  return offsetMs;
}

/** The server's time now, as best known. */
export function now() {
  return new Date(Date.now() + offsetMs);
}

/** 2020-02-12T08:30:00.000+08:00: the moment with the phone's own UTC offset, as the server keeps it. */
export function isoWithOffset(date) {
  const minutes = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, -1);
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
