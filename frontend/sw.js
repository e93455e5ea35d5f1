// The service worker: keeps the app shell on the phone so that Gatepost opens with no
// network at all, and sends the outbox through Background Sync where the browser offers it.
// API calls always go to the network. The application fills in VERSION (a digest of every
// file below), so each change to the app is a new cache that replaces the old one cleanly.
import { flush, SYNC_TAG } from './js/outbox.js';

const VERSION = '__SHELL_VERSION__';
const CACHE = `gatepost-shell-${VERSION}`;
export const SHELL = [
  '/',
  '/styles.css',
  '/manifest.webmanifest',
  '/icons/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-512.png',
  '/js/app.js',
  '/js/api.js',
  '/js/chart.js',
  '/js/clock.js',
  '/js/dates.js',
  '/js/db.js',
  '/js/dom.js',
  '/js/i18n.js',
  '/js/ids.js',
  '/js/live.js',
  '/js/outbox.js',
  '/js/rule.js',
  '/js/session.js',
  '/js/ui.js',
  '/js/languages.js',
  '/js/qr.js',
  '/js/messages/en.js',
  '/js/messages/zh-Hans.js',
  '/js/messages/zh-Hant.js',
  '/js/scan/camera.js',
  '/js/scan/colour.js',
  '/js/scan/decode-worker.js',
  '/js/scan/decode.js',
  '/js/scan/passes.js',
  '/js/scan/scanner.js',
  '/js/scan/trust.js',
  '/vendor/README.md',
  '/vendor/zxing-wasm/LICENSE',
  '/vendor/zxing-wasm/share.js',
  '/vendor/zxing-wasm/reader/index.js',
  '/vendor/zxing-wasm/reader/zxing_reader.wasm',
  '/js/views/alerts.js',
  '/js/views/board.js',
  '/js/views/coverage.js',
  '/js/views/dashboard.js',
  '/js/views/elsewhere.js',
  '/js/views/entries.js',
  '/js/views/gate.js',
  '/js/views/keys.js',
  '/js/views/now.js',
  '/js/views/outbox.js',
  '/js/views/people.js',
  '/js/views/print.js',
  '/js/views/shift.js',
  '/js/views/signin.js',
  '/js/views/households.js',
  '/vendor/qrcode-generator/qrcode.js',
  // The printable pass cards and gate posters, opened from the screens of the cadre.
  '/print/page.js',
  '/print/passes.html',
  '/print/passes.js',
  '/print/poster.html',
  '/print/poster.js',
  '/print/print.css',
  // The public check-in page of visitors never registers this worker; listed so that a phone
  // with the app installed that opens it gets this page, not the single page of the app.
  '/checkin.html',
  '/checkin/checkin.css',
  '/checkin/checkin.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('gatepost-shell-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page asks for this when it opens and finds a new version waiting: never mid-recording.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/q/')) return;
  if (request.mode === 'navigate') {
    // A page of its own (the printable sheets, the visitor's check-in) is that page; any other
    // address in the app is the app's single page.
    event.respondWith(caches.open(CACHE)
      .then(async (cache) => (url.pathname === '/' ? null : cache.match(url.pathname)) || cache.match('/'))
      .then((page) => page || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((cached) => cached || fetch(request)));
});

self.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) {
    event.waitUntil(flush({ force: true }).then(async (outcome) => {
      for (const client of await self.clients.matchAll()) client.postMessage({ type: 'outbox' });
      // Rejecting asks the browser to fire the sync again later.
      if (outcome === 'offline' || outcome === 'backoff') throw new Error(`outbox not sent: ${outcome}`);
    }));
  }
});
