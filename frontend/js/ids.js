// Entry ids: UUID version 7 (RFC 9562), made on the phone when the entry is recorded.
//
// The first 48 bits are the moment in milliseconds, the other 74 random, so ids made later sort
// later. The server keeps entries in a B-tree keyed by id: random (version 4) ids put each new
// entry on a random page of an index that grows all year, time-ordered ones on the few pages at
// its end, which stay in memory. The id says nothing the entry's own time does not.

/** A version 7 UUID for the moment `ms` (milliseconds since 1970, the server-corrected clock). */
export function uuidv7(ms) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let time = Math.max(0, Math.floor(ms));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = 0x70 | (bytes[6] & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8] & 0x3f); // the RFC's variant
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
