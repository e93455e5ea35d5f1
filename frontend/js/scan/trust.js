// The trust data: the installation's verification keys, the revoked pass serials, the
// villages' outing limits and the households' outing counts, fetched when there is signal
// (with its ETag, so an unchanged answer costs a 304) and kept in IndexedDB, so that passes
// are verified at a gate with no network at all.
import * as db from '../db.js';

const KEY = 'trust';
const PATH = '/api/v1/trust-data';
export const STALE_AFTER_MS = 24 * 60 * 60_000;
const REFRESH_EVERY_MS = 10 * 60_000;

/** {data, etag, checkedAt} as kept on this phone, or undefined. */
export function cached() {
  return db.getValue(KEY);
}

/** The trust data with checkedAt (when the server last confirmed it, ms), or null. */
export async function current() {
  const kept = await cached();
  return kept ? { ...kept.data, checkedAt: kept.checkedAt } : null;
}

/** Whether trust data last confirmed at checkedAt is too old to be relied on without a warning. */
export function isStale(checkedAt, nowMs) {
  return !checkedAt || nowMs - checkedAt > STALE_AFTER_MS;
}

/**
 * Asks the server for newer trust data. Answers 'changed', 'unchanged' or 'failed' (no
 * network, signed out, or an answer we cannot use: what is kept stays as it was).
 */
export async function refresh(token) {
  if (!token) return 'failed';
  const kept = await cached();
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (kept?.etag) headers['If-None-Match'] = kept.etag;
  let response;
  try {
    response = await fetch(PATH, { headers, cache: 'no-store', credentials: 'omit' });
  } catch {
    return 'failed';
  }
  if (response.status === 304 && kept) {
    await db.setValue(KEY, { ...kept, checkedAt: Date.now() });
    return 'unchanged';
  }
  if (!response.ok) return 'failed';
  let data;
  try {
    data = await response.json();
  } catch {
    return 'failed';
  }
  if (!Array.isArray(data?.keys?.keys)) return 'failed';
  await db.setValue(KEY, { data, etag: response.headers.get('ETag'), checkedAt: Date.now() });
  globalThis.dispatchEvent?.(new CustomEvent('gatepost:trust'));
  return 'changed';
}

let timer = null;
let onOnline = null;

/** Keeps the trust data fresh while the app is open: every few minutes, and when the signal returns. */
export function keepFresh(token) {
  stopRefreshing();
  onOnline = () => { if (navigator.onLine !== false) refresh(token()); };
  timer = setInterval(onOnline, REFRESH_EVERY_MS);
  window.addEventListener('online', onOnline);
}

export function stopRefreshing() {
  clearInterval(timer);
  timer = null;
  if (onOnline) window.removeEventListener('online', onOnline);
  onOnline = null;
}
