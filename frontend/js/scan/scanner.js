// The scanning screen: the back camera full screen, and as soon as a code is read, a verdict
// big enough to be read at arm's length at night: a pass verified (household, outings) or
// refused (why), a visitor's check-in code, or a health code's colour to confirm with one tap.
// Everything is decided on the phone: no network is needed.
import { h, fill } from '../dom.js';
import * as clock from '../clock.js';
import { t, formatNumber, formatDay, dayOf } from '../i18n.js';
import * as camera from './camera.js';
import { decoder as makeDecoder } from './decode.js';
import { parse, verify, outings } from './passes.js';
import { readColour } from './colour.js';
import * as trust from './trust.js';

const CODES = ['GREEN', 'YELLOW', 'RED'];

let decoderPromise = null;

/** One decoder for the app's lifetime: the wasm module is compiled once. */
function sharedDecoder() {
  decoderPromise ??= makeDecoder();
  return decoderPromise;
}

/** "trust data from 3 h ago" (and whether it is too old), for the record screen and the scanner. */
export function trustAge(checkedAt, nowMs = Date.now()) {
  if (!checkedAt) return { text: t('scan.trust.none'), stale: true };
  const minutes = Math.max(0, Math.round((nowMs - checkedAt) / 60_000));
  const age = minutes < 1 ? t('scan.age.now') : minutes < 60 ? t('scan.age.minutes', { count: formatNumber(minutes) })
    : minutes < 48 * 60 ? t('scan.age.hours', { count: formatNumber(Math.floor(minutes / 60)) })
      : t('scan.age.days', { count: formatNumber(Math.floor(minutes / 1440)) });
  const stale = trust.isStale(checkedAt, nowMs);
  return { text: stale ? t('scan.trust.stale', { age }) : t('scan.trust.age', { age }), stale };
}

/**
 * Opens the scanner over the app. handlers: onPass({claims, household}), onCheckin(claims),
 * onHealthCode(code), each called when the volunteer accepts the verdict.
 */
export async function open(app, handlers) {
  const parts = {};
  const close = () => finish();
  parts.video = h('video', { id: 'scan-video', muted: true, playsinline: true, 'aria-hidden': 'true' });
  parts.status = h('p', { class: 'scan-status', id: 'scan-status', role: 'status' }, t('scan.starting'));
  parts.trust = h('p', { class: 'scan-trust', id: 'scan-trust' });
  parts.torch = h('button', { type: 'button', class: 'secondary', id: 'scan-torch', hidden: true, 'aria-pressed': 'false' }, t('scan.torch'));
  parts.verdict = h('div', { class: 'scan-verdict', id: 'scan-verdict', hidden: true, 'aria-live': 'assertive' });
  parts.finder = h('div', { class: 'viewfinder' }, parts.video, h('div', { class: 'aim', 'aria-hidden': 'true' }));
  const dialog = h('dialog', { class: 'scanner', id: 'scanner', 'aria-labelledby': 'scan-title' },
    h('div', { class: 'scan-head' },
      h('h2', { id: 'scan-title' }, t('scan.title')),
      h('button', { type: 'button', class: 'link', id: 'scan-close', onclick: close }, t('scan.close'))),
    parts.trust, parts.finder, parts.status, parts.torch, parts.verdict);
  document.body.append(dialog);
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });
  dialog.showModal();

  let cam = null;
  let stopFrames = null;
  let awake = null;
  let closed = false;
  const onHidden = () => { if (document.visibilityState === 'hidden') close(); };
  document.addEventListener('visibilitychange', onHidden);

  async function showTrust() {
    const kept = await trust.cached();
    const age = trustAge(kept?.checkedAt);
    parts.trust.textContent = age.text;
    parts.trust.classList.toggle('stale', age.stale);
  }
  await showTrust();

  function stopCamera() {
    stopFrames?.();
    stopFrames = null;
    awake?.release();
    awake = null;
    camera.stop(cam, parts.video);
    cam = null;
  }

  function finish() {
    if (closed) return;
    closed = true;
    stopCamera();
    document.removeEventListener('visibilitychange', onHidden);
    dialog.close();
    dialog.remove();
    handlers.onClose?.();
  }

  async function startScanning() {
    fill(parts.verdict);
    parts.verdict.hidden = true;
    parts.finder.hidden = false;
    parts.status.hidden = false;
    parts.status.textContent = t('scan.starting');
    try {
      cam = await camera.start(parts.video);
    } catch {
      parts.status.textContent = t('scan.noCamera');
      return;
    }
    if (closed) { stopCamera(); return; }
    awake = await camera.keepAwake();
    parts.torch.hidden = !cam.torch;
    parts.torch.onclick = async () => {
      const on = parts.torch.getAttribute('aria-pressed') !== 'true';
      try {
        await camera.setTorch(cam, on);
        parts.torch.setAttribute('aria-pressed', String(on));
      } catch { /* the torch refused: stays as it was */ }
    };
    parts.status.textContent = t('scan.aim');
    const decoder = await sharedDecoder();
    let busy = false;
    stopFrames = camera.eachFrame(parts.video, async () => {
      if (busy || closed) return;
      busy = true;
      try {
        const image = camera.frame(parts.video);
        if (!image) return;
        const started = performance.now();
        let found = null;
        try {
          found = await decoder.decode(image);
        } catch {
          found = null; // a frame the decoder choked on: the next one
        }
        if (!found || closed || !stopFrames) return;
        const decoded = performance.now();
        stopFrames();
        stopFrames = null;
        await judge(found, image);
        // "On screen": the verdict is in the page and the next frame has been painted.
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        performance.measure('gatepost-scan-decode', { start: started, end: decoded });
        performance.measure('gatepost-scan-verdict', { start: started, end: performance.now() });
      } finally {
        busy = false;
      }
    });
  }

  async function judge(found, image) {
    const parsed = parse(found.text);
    if (!parsed) {
      const colour = readColour(image, found.corners);
      showHealthCode(colour);
      return;
    }
    const trusted = await trust.current();
    const verdict = await verify(parsed, trusted, { villageId: app.session.account.placeId, nowMs: clock.now().getTime() });
    if (!verdict.ok) {
      showRefused(verdict);
    } else if (verdict.kind === 'pass') {
      const household = outings({ trust: trusted, claims: verdict.claims, rows: app.rows, today: dayOf(clock.now()), dayOf });
      showPass(verdict.claims, household);
    } else {
      showCheckin(verdict.claims);
    }
  }

  function showVerdict(kind, outcome, attributes, ...children) {
    stopCamera();
    parts.finder.hidden = true;
    parts.status.hidden = true;
    parts.torch.hidden = true;
    parts.verdict.className = `scan-verdict ${kind} ${outcome}`;
    parts.verdict.dataset.kind = kind;
    parts.verdict.dataset.outcome = outcome;
    for (const [name, value] of Object.entries(attributes)) parts.verdict.dataset[name] = value;
    fill(parts.verdict, ...children);
    parts.verdict.hidden = false;
    parts.verdict.querySelector('button')?.focus();
  }

  const againButton = () => h('button', { type: 'button', class: 'secondary big', id: 'scan-again', onclick: () => startScanning() },
    t('scan.again'));

  function showRefused(verdict) {
    showVerdict(verdict.kind, 'refused', { reason: verdict.reason },
      h('p', { class: 'verdict-mark', 'aria-hidden': 'true' }, '✕'),
      h('h3', { id: 'scan-headline' }, t(`scan.${verdict.kind}.refused`)),
      h('p', { class: 'verdict-reason', id: 'scan-reason' }, t(`scan.reason.${verdict.reason}`)),
      h('p', { class: 'small' }, t('scan.refusedHint')),
      againButton(),
      h('button', { type: 'button', class: 'link', onclick: close }, t('scan.close')));
  }

  function showPass(claims, household) {
    const label = household.label ?? t('scan.pass.unknownLabel', { serial: claims.s });
    const limitLine = household.limit
      ? t('scan.pass.outings', {
        used: formatNumber(household.used), outings: formatNumber(household.limit.outings),
        from: formatDay(household.period.start, { weekday: false }), to: formatDay(household.period.end, { weekday: false }),
      })
      : t('scan.pass.noLimit');
    showVerdict('pass', household.usedUp ? 'limit' : 'ok', { household: claims.h },
      h('p', { class: 'verdict-mark', 'aria-hidden': 'true' }, household.usedUp ? '!' : '✓'),
      h('h3', { id: 'scan-headline' }, household.usedUp ? t('scan.pass.usedUp') : t('scan.pass.ok')),
      h('p', { class: 'verdict-household', id: 'scan-household' }, t('scan.pass.household', { label })),
      h('p', { class: 'verdict-outings', id: 'scan-outings' }, limitLine),
      household.usedUp ? h('p', { class: 'verdict-reason', id: 'scan-reason' }, t('scan.pass.proposeRefusal')) : null,
      h('button', {
        type: 'button', class: 'primary big', id: 'scan-use',
        onclick: () => { finish(); handlers.onPass({ claims, household: { ...household, label } }); },
      }, t('scan.pass.use')),
      againButton());
  }

  function showCheckin(claims) {
    const line = (key, value) => (value ? h('p', { class: 'verdict-line' }, h('span', { class: 'small' }, t(key)), ' ', value) : null);
    showVerdict('checkin', 'ok', {},
      h('p', { class: 'verdict-mark', 'aria-hidden': 'true' }, '✓'),
      h('h3', { id: 'scan-headline' }, t('scan.checkin.ok')),
      line('gate.origin', claims.o), line('gate.purpose', claims.p), line('gate.party', formatNumber(claims.n)),
      line('gate.visitorPlate', claims.pl),
      h('p', { class: 'small' }, t('scan.checkin.still')),
      h('button', {
        type: 'button', class: 'primary big', id: 'scan-use', onclick: () => { finish(); handlers.onCheckin(claims); },
      }, t('scan.checkin.use')),
      againButton());
  }

  function showHealthCode(reading) {
    const proposed = reading.colour;
    showVerdict('health', proposed ? 'proposed' : 'unclear', { colour: proposed ?? '' },
      h('h3', { id: 'scan-headline' }, proposed ? t('scan.health.looks', { colour: t(`code.${proposed}`) }) : t('scan.health.unclear')),
      h('p', { class: 'small' }, proposed ? t('scan.health.confirm') : t('scan.health.choose')),
      h('div', { class: 'choices scan-codes', role: 'group', 'aria-label': t('gate.code') },
        CODES.map((code) => h('button', {
          type: 'button', class: `choice code-${code.toLowerCase()}${code === proposed ? ' proposed' : ''}`, 'data-value': code,
          'aria-pressed': String(code === proposed),
          onclick: () => { finish(); handlers.onHealthCode(code); },
        }, t(`code.${code}`)))),
      h('p', { class: 'small' }, t('scan.health.private')),
      againButton());
  }

  startScanning();
  return { close };
}
