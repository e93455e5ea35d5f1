// The app's shell: who is signed in, which screen shows, the status line and notices that
// stay in view, sending the outbox, and the service worker that keeps the app on the phone.
import { h, fill } from './dom.js';
import * as db from './db.js';
import * as session from './session.js';
import * as outbox from './outbox.js';
import * as clock from './clock.js';
import { request, ApiError } from './api.js';
import {
  t, initLanguage, setLanguage, language, LANGUAGES, formatTime, setTimeZone,
} from './i18n.js';
import * as signinView from './views/signin.js';
import * as gateView from './views/gate.js';
import * as shiftView from './views/shift.js';
import * as outboxView from './views/outbox.js';
import * as elsewhereView from './views/elsewhere.js';
import * as nowView from './views/now.js';
import * as alertsView from './views/alerts.js';
import * as boardView from './views/board.js';
import * as printView from './views/print.js';
import * as entriesView from './views/entries.js';
import * as peopleView from './views/people.js';
import * as dashboardView from './views/dashboard.js';
import * as coverageView from './views/coverage.js';
import * as keysView from './views/keys.js';
import * as householdsView from './views/households.js';
import * as live from './live.js';
import * as trust from './scan/trust.js';

const GATE_TABS = [
  { route: 'record', label: 'nav.record', view: gateView },
  { route: 'shift', label: 'nav.shift', view: shiftView },
  { route: 'outbox', label: 'nav.outbox', view: outboxView },
];
const CADRE_TABS = [
  { route: 'now', label: 'nav.now', view: nowView },
  { route: 'alerts', label: 'nav.alerts', view: alertsView },
  { route: 'board', label: 'nav.board', view: boardView },
  { route: 'entries', label: 'nav.entries', view: entriesView },
  { route: 'people', label: 'nav.people', view: peopleView },
  { route: 'households', label: 'nav.households', view: householdsView },
];
const OFFICIAL_TABS = [
  { route: 'dashboard', label: 'nav.dashboard', view: dashboardView },
  { route: 'coverage', label: 'nav.coverage', view: coverageView },
  { route: 'keys', label: 'nav.keys', view: keysView },
];
/** Screens reached from another screen rather than a tab. */
const HIDDEN_ROUTES = { CADRE: [{ route: 'print', view: printView }] };

/** The tabs of the signed-in role: volunteers work the gate, cadres run a village, officials read figures. */
function tabs() {
  const role = app.session?.account.role;
  if (role === 'CADRE') return CADRE_TABS;
  if (role === 'OFFICIAL' || role === 'ADMIN') return OFFICIAL_TABS;
  if (role === 'VOLUNTEER') return GATE_TABS;
  return [];
}

/** What every screen may read and do. */
export const app = {
  session: null,
  rule: null,
  rows: [],
  sendState: { failures: 0, nextAttemptAt: 0, lastSuccessAt: 0 },
  sending: false,
  online: navigator.onLine,
  notices: { update: false, storage: false, expired: false },
  editing: null,
  openAlerts: null,

  /** The address's parameters after the screen's name: #/dashboard?place=…&from=… */
  params: () => new URLSearchParams((location.hash.split('?')[1]) || ''),
  /** Goes to a screen with parameters, so that the address can be shared. */
  go(route, params = {}) {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
    const hash = `#/${route}${query.toString() ? `?${query}` : ''}`;
    if (location.hash !== hash) location.hash = hash;
    else render();
  },
  refreshAlerts: () => refreshAlerts(),

  navigate(route) {
    if (location.hash !== `#/${route}`) location.hash = `#/${route}`;
    else render();
  },
  render: () => render(),
  send: (force) => send(force),
  toast,
  confirm: confirmDialog,
  signedIn,
  signOut,
  load: (path) => request(path, { token: app.session?.token }),
  call: (path, options) => request(path, { ...options, token: app.session?.token }),
  summary: () => outbox.summary(app.rows, app.session?.account.id),
};

const elements = {};
let retryTimer = null;
let activatingWaitingWorker = false;

async function boot() {
  initLanguage();
  buildShell();
  document.addEventListener('languagechange', () => { buildHeader(); render(); });
  window.addEventListener('hashchange', () => render());
  window.addEventListener('online', () => { app.online = true; renderStatus(); send(true); });
  window.addEventListener('offline', () => { app.online = false; renderStatus(); });
  window.addEventListener('clockchange', () => renderNotices());
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') send(); });
  window.addEventListener('gatepost:sending', () => { app.sending = true; renderStatus(); });
  outbox.onChange(() => refreshRows());
  await registerServiceWorker();

  app.rule = await db.getValue('rule');
  if (app.rule) setTimeZone(app.rule.timeZone);
  app.session = await session.current();
  await refreshRows();
  if (session.isValid(app.session)) {
    await afterSignIn(false);
  } else {
    render();
  }
  send();
}

function buildShell() {
  elements.header = h('header', { class: 'bar' });
  elements.status = h('button', { type: 'button', class: 'status', id: 'status', onclick: () => app.navigate('outbox') });
  elements.notices = h('div', { class: 'notices', id: 'notices' });
  elements.view = h('main', { id: 'view', tabindex: '-1' });
  elements.tabs = h('nav', { class: 'tabs', id: 'tabs' });
  elements.toast = h('div', { class: 'toast', id: 'toast', role: 'status', 'aria-live': 'polite' });
  fill(document.body, elements.header, elements.status, elements.notices, elements.view, elements.tabs, elements.toast);
  buildHeader();
}

function buildHeader() {
  const select = h('select', { id: 'language', 'aria-label': t('lang.label'), onchange: (e) => setLanguage(e.target.value) },
    LANGUAGES.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === language() }, l.label)));
  const account = app.session?.account;
  fill(elements.header,
    h('div', { class: 'brand' }, h('img', { src: '/icons/icon.svg', alt: '', width: 28, height: 28 }), h('span', {}, t('app.name'))),
    account && session.isValid(app.session) ? h('span', { class: 'who' }, account.name) : null,
    h('label', { class: 'language' }, select),
    account && session.isValid(app.session)
      ? h('button', { type: 'button', class: 'link', id: 'signout', onclick: () => signOut() }, t('nav.signout')) : null);
}

async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register('/sw.js', { type: 'module', updateViaCache: 'none' });
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (activatingWaitingWorker) location.reload();
    });
    navigator.serviceWorker.addEventListener('message', (e) => {
      if (e.data?.type === 'outbox') refreshRows();
    });
    if (registration.waiting && navigator.serviceWorker.controller) {
      // A new version installed while the app was open last time: it takes effect now, at
      // opening, before anything is being recorded.
      activatingWaitingWorker = true;
      registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      return;
    }
    const watch = (worker) => worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) {
        app.notices.update = true;
        renderNotices();
      }
    });
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    registration.update().catch(() => { /* offline: the installed version stays */ });
  } catch {
    // No service worker (a private window, say): the app still works while online.
  }
}

async function restartIntoUpdate() {
  const registration = await navigator.serviceWorker.getRegistration();
  if (registration?.waiting) {
    activatingWaitingWorker = true;
    registration.waiting.postMessage({ type: 'SKIP_WAITING' });
  } else {
    location.reload();
  }
}

/** Signed in: keep the sign-in, load what the gate needs, and send what waits. */
async function signedIn(login) {
  app.editing = null;
  gateView.reset();
  await session.save(login);
  app.session = await session.current();
  app.notices.expired = false;
  await afterSignIn(true);
  send(true);
}

async function afterSignIn(fresh) {
  buildHeader();
  const role = app.session.account.role;
  if (role === 'VOLUNTEER') {
    await refreshGateData();
    // Passes are verified offline against this: fetched now, then every few minutes and
    // whenever the signal returns.
    trust.keepFresh(() => (session.isValid(app.session) ? app.session.token : null));
    askForPersistentStorage();
  } else {
    // The county's zone for days and clock times.
    try {
      app.rule = await app.load('/api/v1/gate/rule');
      setTimeZone(app.rule.timeZone);
      await db.setValue('rule', app.rule);
    } catch { /* the last known zone stays */ }
  }
  if (role === 'CADRE') startLive();
  const first = tabs()[0]?.route;
  if (first && (fresh || !location.hash) && !tabs().concat(HIDDEN_ROUTES[role] || []).some((tab) => tab.route === currentRoute())) {
    location.hash = `#/${first}`;
  }
  render();
}

/** Alerts pushed to the cadre's open app: a stream of events, polling when it cannot be had. */
function startLive() {
  live.stop();
  refreshAlerts();
  live.start({
    token: () => app.session?.token,
    onChange: () => {
      refreshAlerts();
      currentView()?.live?.(app);
    },
    onState: (state) => { document.body.dataset.live = state; },
    onUnauthorized: () => expired(),
  });
}

/** The count of open alerts, on the tab and on the app's icon where the browser has the Badging API. */
async function refreshAlerts() {
  if (app.session?.account.role !== 'CADRE') return;
  try {
    const page = await app.load('/api/v1/alerts?status=OPEN&limit=100');
    app.openAlerts = page.items.length + (page.nextCursor ? 1 : 0);
  } catch {
    return;
  }
  renderTabs();
  try {
    if (app.openAlerts > 0) await navigator.setAppBadge?.(app.openAlerts);
    else await navigator.clearAppBadge?.();
  } catch { /* no badge here */ }
}

/** The gate rule, the village's checkpoints and my shifts, kept for when the signal drops. */
export async function refreshGateData() {
  const account = app.session.account;
  const [rule, places, shifts] = await Promise.allSettled([
    app.load('/api/v1/gate/rule'),
    app.load(`/api/v1/places?parentId=${encodeURIComponent(account.placeId)}&limit=500`),
    app.load('/api/v1/me/shifts'),
    trust.refresh(app.session.token),
  ]);
  if (rule.status === 'fulfilled') {
    app.rule = rule.value;
    setTimeZone(app.rule.timeZone);
    await db.setValue('rule', rule.value);
  }
  if (places.status === 'fulfilled') {
    await db.setValue('checkpoints', places.value.items.filter((p) => p.kind === 'CHECKPOINT' && p.active));
  }
  if (shifts.status === 'fulfilled') {
    await db.setValue('shifts', { items: shifts.value.items, loadedAt: Date.now() });
  }
  for (const result of [rule, places, shifts]) {
    if (result.status === 'rejected' && result.reason instanceof ApiError && result.reason.status === 401) {
      await expired();
    }
  }
}

async function askForPersistentStorage() {
  if (!navigator.storage?.persist) return;
  try {
    const persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
    app.notices.storage = !persisted && !sessionStorage.getItem('gatepost.storageNoticeSeen');
  } catch {
    app.notices.storage = true;
  }
  renderNotices();
}

async function expired() {
  await session.markExpired();
  app.session = await session.current();
  app.notices.expired = true;
  renderNotices();
}

async function signOut() {
  const mine = app.summary();
  const unsent = mine.pending + mine.held;
  const ok = await confirmDialog(unsent > 0 ? t('signout.confirmUnsent', { count: unsent }) : t('signout.confirm'),
    t('nav.signout'));
  if (!ok) return;
  live.stop();
  trust.stopRefreshing();
  app.openAlerts = null;
  try { await navigator.clearAppBadge?.(); } catch { /* no badge here */ }
  const accountId = app.session.account.id;
  const rows = await db.all('entries');
  // Unsent entries stay for their recorder's next sign-in; what was sent leaves the phone.
  const sentOfMine = rows.filter((r) => r.recorderId === accountId && r.state === 'SENT').map((r) => r.id);
  await db.write('entries', { remove: sentOfMine });
  await db.write('kv', { remove: ['session', 'shifts', 'checkpoints', 'checkpointId', 'today', 'trust'] });
  sessionStorage.clear();
  app.session = null;
  app.editing = null;
  gateView.reset();
  app.notices = { update: app.notices.update, storage: false, expired: false };
  await refreshRows();
  buildHeader();
  location.hash = '';
  render();
}

async function refreshRows() {
  app.rows = await db.all('entries');
  app.sendState = await outbox.sendState();
  app.sending = false;
  renderStatus();
  renderTabs();
  renderNotices();
  currentView()?.update?.(app);
}

/**
 * Sends the outbox now; one send at a time: a call while one is under way runs once more
 * after it, so exactly one retry timer is ever pending.
 */
let inFlight = null;
let again = null;
function send(force = false) {
  if (inFlight) {
    again = { force: force || again?.force === true };
    return inFlight;
  }
  inFlight = sendOnce(force).finally(() => {
    inFlight = null;
    if (again) {
      const next = again;
      again = null;
      send(next.force);
    }
  });
  return inFlight;
}

async function sendOnce(force) {
  clearTimeout(retryTimer);
  let result;
  try {
    result = await outbox.flush({ force });
  } catch {
    result = 'offline';
  }
  if (result === 'signin') app.session = await session.current();
  await refreshRows();
  if (result === 'signin' && app.session && !session.isValid(app.session)) {
    app.notices.expired = true;
    renderNotices();
  }
  if (result === 'offline' || result === 'backoff') {
    const wait = Math.max(250, app.sendState.nextAttemptAt - Date.now());
    retryTimer = setTimeout(() => send(), wait);
    outbox.requestBackgroundSync();
  }
  if (result === 'sent') currentView()?.sent?.(app);
  return result;
}

function currentRoute() {
  return (location.hash.match(/^#\/(\w+)/) || [])[1] || tabs()[0]?.route || 'record';
}

function currentView() {
  if (!session.isValid(app.session)) return signinView;
  const all = tabs().concat(HIDDEN_ROUTES[app.session.account.role] || []);
  if (all.length === 0) return elsewhereView;
  return (all.find((tab) => tab.route === currentRoute()) || all[0]).view;
}

function render() {
  const view = currentView();
  // Leaving the recording screen ends a correction: the held entry stays as it was.
  if (view !== gateView) app.editing = null;
  const signedIn = view !== signinView && view !== elsewhereView;
  const volunteer = app.session?.account.role === 'VOLUNTEER';
  elements.tabs.hidden = !signedIn || view === printView;
  elements.status.hidden = !signedIn || !volunteer;
  document.body.classList.toggle('wide', signedIn && !volunteer);
  document.body.classList.toggle('printing', view === printView);
  previousView?.leave?.(app);
  previousView = view;
  renderStatus();
  renderTabs();
  renderNotices();
  fill(elements.view, view.render(app));
  elements.view.focus({ preventScroll: true });
}

let previousView = null;

function renderStatus() {
  if (!elements.status || !app.session || app.session.account.role !== 'VOLUNTEER') return;
  const { pending, held } = app.summary();
  const last = app.sendState.lastSuccessAt
    ? t('status.lastSent', { time: formatTime(app.sendState.lastSuccessAt) }) : t('status.neverSent');
  const parts = [];
  if (!app.online) parts.push(h('span', { class: 'pill offline' }, t('status.offline')));
  if (held) parts.push(h('span', { class: 'pill held' }, t('status.held', { count: held })));
  parts.push(h('strong', { class: pending ? 'waiting' : 'ok', id: 'unsent-count', 'data-count': pending },
    pending ? t('status.waiting', { count: pending }) : t(held ? 'status.nothingWaiting' : 'status.allSent')));
  parts.push(h('span', { class: 'last' }, app.sending ? t('status.sending') : last));
  fill(elements.status, parts);
  elements.status.dataset.pending = String(pending);
}

function renderTabs() {
  if (!elements.tabs || !app.session) return;
  const route = currentRoute();
  const { pending, held } = app.summary();
  const badge = (tab) => {
    if (tab.route === 'outbox' && pending + held > 0) {
      return h('span', { class: 'badge', 'aria-label': t('status.waiting', { count: pending + held }) }, String(pending + held));
    }
    if (tab.route === 'alerts' && app.openAlerts > 0) {
      return h('span', { class: 'badge', id: 'alert-badge', 'aria-label': t('alerts.open', { count: app.openAlerts }) },
        app.openAlerts > 100 ? '100+' : String(app.openAlerts));
    }
    return null;
  };
  fill(elements.tabs, tabs().map((tab) => h('a', {
    href: `#/${tab.route}`, class: 'tab', 'aria-current': tab.route === route ? 'page' : null,
  }, t(tab.label), badge(tab))));
}

function renderNotices() {
  if (!elements.notices) return;
  const notices = [];
  const skew = Math.abs(clock.offset());
  if (skew > clock.WARN_AFTER_MS) {
    notices.push(notice('clock', t('warn.clock', { minutes: Math.round(skew / 60000) })));
  }
  if (app.notices.expired && app.session) {
    notices.push(notice('expired', t('warn.expired'), t('warn.signinAgain'), async () => {
      app.notices.expired = false;
      await session.markExpired();
      app.session = await session.current();
      buildHeader();
      render();
    }));
  }
  if (app.session) {
    for (const other of app.summary().others) {
      notices.push(notice('others', t('warn.others', { count: other.count, name: other.name })));
    }
  }
  if (app.notices.update) notices.push(notice('update', t('warn.update'), t('warn.updateNow'), restartIntoUpdate));
  if (app.notices.storage && app.session) {
    notices.push(notice('storage', t('warn.storage'), t('common.ok'), () => {
      sessionStorage.setItem('gatepost.storageNoticeSeen', '1');
      app.notices.storage = false;
      renderNotices();
    }));
  }
  fill(elements.notices, notices);
}

function notice(kind, text, action, onAction) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'expired' || kind === 'clock' ? 'alert' : 'status' },
    h('p', {}, text), action ? h('button', { type: 'button', onclick: onAction }, action) : null);
}

let toastTimer = null;
function toast(text) {
  fill(elements.toast, text);
  elements.toast.classList.add('shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => elements.toast.classList.remove('shown'), 4000);
}

/** A modal question; resolves true when confirmed. */
function confirmDialog(message, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-text' });
    const close = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    dialog.append(
      h('p', { id: 'confirm-text' }, message),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => close(false) }, t('common.cancel')),
        h('button', { type: 'button', class: 'danger', id: 'confirm-ok', onclick: () => close(true) }, confirmLabel)),
    );
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

boot();
