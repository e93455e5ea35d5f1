// The one module that owns IndexedDB. Stores:
//   entries  every entry recorded on this phone, unsent (the outbox) and recently sent
//   kv       small records by key: the sign-in, the gate rule, cached places and shifts
// Each function is one transaction; nothing else is awaited inside it.
const NAME = 'gatepost';
const VERSION = 1;

let opening = null;

export function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('entries')) {
          const entries = db.createObjectStore('entries', { keyPath: 'id' });
          entries.createIndex('recorder', 'recorderId');
        }
        if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv', { keyPath: 'key' });
      };
      request.onsuccess = () => {
        const db = request.result;
        // A newer version of the app in another tab wants to upgrade: let it.
        db.onversionchange = () => { db.close(); opening = null; };
        resolve(db);
      };
      request.onerror = () => { opening = null; reject(request.error); };
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
  }
  return opening;
}

function done(transaction, result) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve(result.value);
    transaction.onabort = () => reject(transaction.error || new Error('transaction aborted'));
    transaction.onerror = () => reject(transaction.error);
  });
}

async function run(stores, mode, work) {
  const db = await open();
  // Writes are flushed to disk before they count as done: an entry shown as saved must
  // survive the battery dying a moment later.
  const transaction = db.transaction(stores, mode, mode === 'readwrite' ? { durability: 'strict' } : undefined);
  const result = {};
  work(transaction, result);
  return done(transaction, result);
}

export function all(store) {
  return run([store], 'readonly', (tx, result) => {
    tx.objectStore(store).getAll().onsuccess = (e) => { result.value = e.target.result; };
  });
}

export function get(store, key) {
  return run([store], 'readonly', (tx, result) => {
    tx.objectStore(store).get(key).onsuccess = (e) => { result.value = e.target.result; };
  });
}

/** Writes and deletes in one transaction: all of them happen or none. */
export function write(store, { put = [], remove = [] }) {
  return run([store], 'readwrite', (tx) => {
    const objects = tx.objectStore(store);
    for (const value of put) objects.put(value);
    for (const key of remove) objects.delete(key);
  });
}

export function put(store, value) {
  return write(store, { put: [value] });
}

export function remove(store, key) {
  return write(store, { remove: [key] });
}

/** The value kept under a key in kv, or undefined. */
export async function getValue(key) {
  return (await get('kv', key))?.value;
}

export function setValue(key, value) {
  return put('kv', { key, value });
}
