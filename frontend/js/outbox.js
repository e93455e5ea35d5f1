// The outbox: every entry is written to IndexedDB before any network call, then sent in
// batches with its recorder's own sign-in until the server has answered for it.
//
// The pure functions at the top decide (what to send next, what an answer does to each
// entry, when to try again); flush() at the bottom is the only part that talks to the
// database and the network. The page and the service worker both call flush(); a Web Lock
// keeps them from sending at the same time.
import * as db from './db.js';
import * as session from './session.js';
import { request, ApiError } from './api.js';

export const BATCH_SIZE = 100;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 5 * 60_000;
const KEEP_SENT_MS = 24 * 60 * 60_000;
export const STATE_KEY = 'sendState';
export const SYNC_TAG = 'gatepost-outbox';

/** A new outbox row for an entry as it will be sent. */
export function row(entry, account, nowMs) {
  return {
    id: entry.id, entry, recorderId: account.id, recorderName: account.name, recordedAt: nowMs, state: 'PENDING',
  };
}

/** The recorder's entries waiting to be sent, oldest first, at most one batch. */
export function nextBatch(rows, recorderId, size = BATCH_SIZE) {
  return rows.filter((r) => r.state === 'PENDING' && r.recorderId === recorderId)
    .sort((a, b) => a.recordedAt - b.recordedAt)
    .slice(0, size);
}

/**
 * What the server's answer to a batch does to each row sent: CREATED and DUPLICATE are
 * safely stored (kept as SENT for today's list, without the visitor's contact details);
 * CONFLICT and REJECTED are held, with the server's problem, until a person deals with them.
 */
export function applyResults(sent, results, nowMs) {
  const byId = new Map(results.map((r) => [r.id, r]));
  const changed = [];
  for (const r of sent) {
    const result = byId.get(r.id);
    if (!result) continue;
    if (result.status === 'CREATED' || result.status === 'DUPLICATE') {
      changed.push(sentRow(r, nowMs));
    } else {
      changed.push({ ...r, state: 'HELD', heldAs: result.status, problem: result.problem ?? null });
    }
  }
  return changed;
}

function sentRow(r, nowMs) {
  const { problem, heldAs, ...rest } = r;
  const entry = { ...r.entry };
  if (entry.visitor) entry.visitor = { origin: entry.visitor.origin, purpose: entry.visitor.purpose };
  return { ...rest, entry, state: 'SENT', sentAt: nowMs };
}

/** A held entry sent again as it is (same id and content): the server recognises it if it has it. */
export function retryRow(r) {
  const { problem, heldAs, ...rest } = r;
  return { ...rest, state: 'PENDING' };
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … up to 5 min, each between half and all of it. */
export function backoffMs(failures, random = Math.random) {
  const ceiling = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

export function afterFailure(state, nowMs, random = Math.random, retryAfterSeconds = null) {
  const failures = (state?.failures ?? 0) + 1;
  const wait = Math.max(backoffMs(failures, random), (Number(retryAfterSeconds) || 0) * 1000);
  return { ...state, failures, nextAttemptAt: nowMs + wait };
}

export function afterSuccess(state, nowMs) {
  return { ...state, failures: 0, nextAttemptAt: 0, lastSuccessAt: nowMs, lastProblem: null };
}

/** Whether the backoff still holds sending back (a person's "send now" overrides it). */
export function waiting(state, nowMs) {
  return !!state && state.nextAttemptAt > nowMs;
}

/** Counts for the status line: the recorder's own waiting and held entries, and others' by name. */
export function summary(rows, recorderId) {
  const mine = rows.filter((r) => r.recorderId === recorderId);
  const others = new Map();
  for (const r of rows) {
    if (r.recorderId !== recorderId && r.state !== 'SENT') {
      const o = others.get(r.recorderId) ?? { recorderId: r.recorderId, name: r.recorderName, count: 0 };
      o.count += 1;
      others.set(r.recorderId, o);
    }
  }
  return {
    pending: mine.filter((r) => r.state === 'PENDING').length,
    held: mine.filter((r) => r.state === 'HELD').length,
    others: [...others.values()],
  };
}

/** Sent entries kept longer than a day: they leave the phone. */
export function expired(rows, nowMs) {
  return rows.filter((r) => r.state === 'SENT' && nowMs - r.sentAt > KEEP_SENT_MS).map((r) => r.id);
}

// ---- the part that does things ----

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('gatepost') : null;

function announce(what) {
  channel?.postMessage({ type: what });
  globalThis.dispatchEvent?.(new CustomEvent(`gatepost:${what}`));
}

/** Listens for outbox changes made here or in another tab or the service worker. */
export function onChange(listener) {
  channel?.addEventListener('message', (e) => { if (e.data?.type === 'outbox') listener(); });
  globalThis.addEventListener?.('gatepost:outbox', listener);
}

/** Writes a new entry to the outbox (before any network call); replaces a held one when correcting it. */
export async function add(entry, account, replacing = null) {
  await db.write('entries', { put: [row(entry, account, Date.now())], remove: replacing ? [replacing] : [] });
  announce('outbox');
}

export async function discard(id) {
  await db.remove('entries', id);
  announce('outbox');
}

export async function retry(row) {
  await db.put('entries', retryRow(row));
  announce('outbox');
}

export async function sendState() {
  return (await db.getValue(STATE_KEY)) ?? { failures: 0, nextAttemptAt: 0, lastSuccessAt: 0 };
}

function withLock(work) {
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request('gatepost-outbox', work) : work();
}

/**
 * Sends the signed-in person's waiting entries, batch after batch, until none wait, the
 * network fails (then the backoff decides the next try) or the sign-in is refused.
 * Answers 'sent', 'idle', 'offline', 'backoff', 'signin' or 'held'.
 */
export function flush({ force = false } = {}) {
  return withLock(async () => {
    const signedIn = await session.current();
    if (!session.isValid(signedIn)) return 'signin';
    let state = await sendState();
    if (!force && waiting(state, Date.now())) return 'backoff';
    let outcome = 'idle';
    for (;;) {
      const batch = nextBatch(await db.all('entries'), signedIn.account.id);
      if (batch.length === 0) break;
      announce('sending');
      try {
        const answer = await request('/api/v1/entries/batch', {
          method: 'POST', token: signedIn.token, body: { entries: batch.map((r) => r.entry) },
        });
        await db.write('entries', { put: applyResults(batch, answer.results, Date.now()) });
        state = afterSuccess(state, Date.now());
        await db.setValue(STATE_KEY, state);
        outcome = 'sent';
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.status === 401) {
          await session.markExpired(signedIn.token);
          outcome = 'signin';
        } else {
          // No answer, a server error, or the request refused as a whole (a proxy, a captive
          // portal, a role taken away): the entries stay waiting as they are and are tried
          // again later; only the server's answer for an entry ever holds that entry.
          state = afterFailure(state, Date.now(), Math.random, error.retryAfter);
          if (!error.retryable) state.lastProblem = error.problem ?? { status: error.status };
          await db.setValue(STATE_KEY, state);
          outcome = error.kind === 'network' ? 'offline' : 'backoff';
        }
        break;
      } finally {
        announce('outbox');
      }
    }
    const rows = await db.all('entries');
    const old = expired(rows, Date.now());
    if (old.length) await db.write('entries', { remove: old });
    return outcome;
  });
}

/** Asks the browser to send the outbox from the service worker when the network is back. */
export async function requestBackgroundSync() {
  try {
    const registration = await navigator.serviceWorker?.ready;
    await registration?.sync?.register(SYNC_TAG);
  } catch {
    // Background Sync is not offered (or not allowed): the page's own retries carry on.
  }
}
