// What the camera read, checked on the phone with no network: a Gatepost pass (JWS, typ
// gp-pass) or a visitor's self check-in code (typ gp-checkin), signed with ES256 by the
// installation's key, verified with WebCrypto against the keys in the trust data. Anything
// that is not one of ours is none of our business (a health code: only its colour is read).
// A code that claims to be ours and fails any check is refused with the reason, never trusted.

const TYPES = { 'gp-pass': 'pass', 'gp-checkin': 'checkin' };
const JWS = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}$/;
const MAX_LENGTH = 4000;

function base64urlBytes(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function base64urlJson(text) {
  return JSON.parse(new TextDecoder().decode(base64urlBytes(text)));
}

/**
 * The parts of a Gatepost code, or null for anything else (a health code, a web address):
 * {kind: 'pass'|'checkin', header, claims, signingInput, signature} or {kind, malformed: true}
 * when its header says it is ours but its body cannot be read.
 */
export function parse(text) {
  if (typeof text !== 'string' || text.length > MAX_LENGTH || !JWS.test(text)) return null;
  const [header64, claims64, signature64] = text.split('.');
  let header;
  try {
    header = base64urlJson(header64);
  } catch {
    return null;
  }
  const kind = TYPES[header?.typ];
  if (!kind) return null;
  try {
    return {
      kind, header, claims: base64urlJson(claims64), signature: base64urlBytes(signature64),
      signingInput: new TextEncoder().encode(`${header64}.${claims64}`),
    };
  } catch {
    return { kind, malformed: true };
  }
}

const importedKeys = new Map();

/** The WebCrypto key for a JWK, imported once per key (the JWK's thumbprint is its kid). */
async function publicKey(jwk) {
  const id = `${jwk.kid}:${jwk.x}:${jwk.y}`;
  if (!importedKeys.has(id)) {
    importedKeys.set(id, crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']));
  }
  return importedKeys.get(id);
}

function refused(kind, reason, claims = null) {
  return { ok: false, kind, reason, claims };
}

/**
 * The verdict on a parsed code: {ok: true, kind, claims} or {ok: false, kind, reason} where
 * reason is one of noTrust, malformed, unknownKey, signature, expired, revoked, otherVillage.
 * The signature is checked first: nothing in an unverified code is believed, not even its expiry.
 */
export async function verify(parsed, trust, { villageId, nowMs }) {
  const { kind } = parsed;
  if (!trust?.keys?.keys?.length) return refused(kind, 'noTrust');
  if (parsed.malformed || parsed.header.alg !== 'ES256' || parsed.signature.length !== 64) return refused(kind, 'malformed');
  const jwk = trust.keys.keys.find((k) => k.kid === parsed.header.kid && k.kty === 'EC' && k.crv === 'P-256');
  if (!jwk) return refused(kind, 'unknownKey');
  let good = false;
  try {
    // WebCrypto's ECDSA signature is r||s, exactly as JWS carries it.
    good = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await publicKey(jwk), parsed.signature, parsed.signingInput);
  } catch {
    good = false;
  }
  if (!good) return refused(kind, 'signature');
  const claims = parsed.claims;
  if (claims?.v !== 1 || claims.t !== kind || typeof claims.exp !== 'number') return refused(kind, 'malformed');
  if (claims.exp * 1000 <= nowMs) return refused(kind, 'expired', claims);
  if (claims.vl !== villageId) return refused(kind, 'otherVillage', claims);
  if (kind === 'pass' && (trust.revoked || []).some((r) => r.villageId === claims.vl && r.serial === claims.s)) {
    return refused(kind, 'revoked', claims);
  }
  return { ok: true, kind, claims };
}

/** The day (YYYY-MM-DD) a number of days after another. */
function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The current period of an outing limit {outings, days, since} on a local day: {start, end} inclusive. */
export function period(limit, today) {
  const elapsed = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${limit.since}T00:00:00Z`)) / 86_400_000);
  const index = Math.max(0, Math.floor(elapsed / limit.days));
  const start = addDays(limit.since, index * limit.days);
  return { start, end: addDays(start, limit.days - 1) };
}

/**
 * A household's outings in the current period as this phone knows them: the server's count
 * in the trust data (when it is for this period) plus this phone's OUT entries for the
 * household that the server had not counted yet (unsent, or sent after the trust data was
 * checked). {label, used, limit: {outings, days}|null, usedUp, period}.
 */
export function outings({ trust, claims, rows, today, dayOf }) {
  const village = (trust.villages || []).find((v) => v.villageId === claims.vl);
  const limit = village?.outingLimit ?? (Array.isArray(claims.lim) ? { outings: claims.lim[0], days: claims.lim[1], since: today } : null);
  const household = (trust.households || []).find((x) => x.householdId === claims.h);
  const label = household?.label ?? null;
  if (!limit) return { label, used: null, limit: null, usedUp: false, period: null };
  const current = period(limit, today);
  const counted = household && household.periodStart === current.start ? household.outingsInPeriod ?? 0 : 0;
  const checkedAt = trust.checkedAt ?? 0;
  const local = rows.filter((r) => r.entry.pass?.householdId === claims.h && r.entry.direction === 'OUT'
    && (r.state !== 'SENT' || (r.sentAt ?? 0) > checkedAt)
    && dayOf(r.entry.occurredAt) >= current.start && dayOf(r.entry.occurredAt) <= current.end).length;
  const used = counted + local;
  return { label, used, limit, usedUp: used >= limit.outings, period: current };
}
