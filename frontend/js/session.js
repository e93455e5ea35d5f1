// The sign-in kept on this phone (in IndexedDB, so the service worker can send with it too).
import * as db from './db.js';
import * as clock from './clock.js';

const KEY = 'session';

/** {token, expiresAt, account} or undefined. */
export function current() {
  return db.getValue(KEY);
}

export function save(login) {
  return db.setValue(KEY, { token: login.token, expiresAt: login.expiresAt, account: login.account });
}

export function forget() {
  return db.remove('kv', KEY);
}

/** Whether a sign-in can still be used, with a minute's margin, by the server's clock as best known. */
export function isValid(session, nowMs = clock.now().getTime()) {
  return !!session && !session.expired && Date.parse(session.expiresAt) - 60_000 > nowMs;
}

/**
 * The server refused this token (401): keep who it was, so the sign-in screen can say so. A
 * refusal that arrives after someone else signed in leaves their sign-in alone.
 */
export async function markExpired(token) {
  const session = await current();
  if (session && (token === undefined || session.token === token)) await db.setValue(KEY, { ...session, expired: true });
}
