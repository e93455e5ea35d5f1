// The visitor's self check-in (no account, no install): the gate's poster sends the phone here
// with the poster's token after '#'. The page names the gate, asks where from, why, how many
// and the plate, and shows the short-lived code it gets back as a big QR for the volunteer.
// Kept light for a weak signal: its own small stylesheet, one message catalogue (the device's
// language; the others only when chosen), and the QR encoder loaded while the visitor types.
import { h, fill } from '../js/dom.js';
import { request, ApiError } from '../js/api.js';
import { LANGUAGES, languageFor, STORAGE_KEY } from '../js/languages.js';

const root = document.getElementById('checkin');
const token = decodeURIComponent(location.hash.slice(1)).trim();
const PURPOSES = ['family', 'delivery', 'work', 'other'];
const MAX_PARTY = 20;
const LIMITS = { origin: 100, purpose: 200, plate: 20 };

const state = {
  language: 'en',
  messages: {},
  gate: null,
  form: { origin: '', purpose: '', other: '', partySize: 1, plate: '' },
  errors: {},
  error: '',
  busy: false,
  retry: false,
  result: null,
};
let qrModule = null;

function t(key, params = {}) {
  const text = state.messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function locale() {
  return LANGUAGES.find((l) => l.code === state.language).locale;
}

async function useLanguage(code, remember) {
  const chosen = LANGUAGES.some((l) => l.code === code) ? code : 'en';
  state.messages = (await import(`../js/messages/${chosen}.js`)).default;
  state.language = chosen;
  document.documentElement.lang = chosen;
  document.title = t('checkin.title');
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, chosen); } catch { /* used, not remembered */ }
  }
}

async function boot() {
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch { /* follow the device */ }
  await useLanguage(saved || languageFor(navigator.languages || [navigator.language]), false);
  // The encoder is only needed for the answer: fetched now, while the visitor reads and types.
  qrModule = import('../js/qr.js');
  qrModule.catch(() => {});
  state.result = remembered();
  if (!token) {
    state.error = t('checkin.noToken');
  } else if (!state.result) {
    await loadGate();
  }
  draw();
}

async function loadGate() {
  state.error = '';
  try {
    state.gate = await request(`/api/v1/public/check-in/${encodeURIComponent(token)}`);
  } catch (e) {
    state.error = problem(e);
    // An unknown or replaced poster stays so; anything else may pass with another try.
    state.retry = !(e instanceof ApiError && (e.status === 404 || e.status === 410));
  }
}

/** The code shown last on this phone for this gate, while it is still valid (a reload keeps it). */
function remembered() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(`gatepost.checkin.${token}`) || 'null');
    return kept && Date.parse(kept.expiresAt) > Date.now() ? kept : null;
  } catch {
    return null;
  }
}

function remember(result) {
  try { sessionStorage.setItem(`gatepost.checkin.${token}`, JSON.stringify(result)); } catch { /* shown, not kept */ }
}

/** A failed call in the visitor's words: rate limit, unknown poster, bad input, no signal. */
function problem(e) {
  if (!(e instanceof ApiError) || e.kind === 'network') return t('checkin.offline');
  if (e.status === 429) {
    const seconds = Number(e.retryAfter);
    return Number.isFinite(seconds) && seconds > 0
      ? t('checkin.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) }) : t('checkin.tooManyLater');
  }
  if (e.status === 404 || e.status === 410) return t('checkin.unknownPoster');
  if (e.status === 400 || e.status === 422) return t('checkin.invalid');
  return t('checkin.failed', { status: e.status });
}

/** The fields a problem names (origin, purpose, partySize, plate), whatever prefix the server puts before them. */
function fieldErrors(e) {
  const errors = {};
  for (const item of e?.problem?.errors || []) {
    const name = String(item.field || '').split('.').pop();
    if (['origin', 'purpose', 'partySize', 'plate'].includes(name)) errors[name] = t(`checkin.bad.${name}`);
  }
  return errors;
}

function purposeText() {
  const f = state.form;
  return f.purpose === 'other' ? f.other.trim() : (f.purpose ? t(`checkin.purpose.${f.purpose}`) : '');
}

function check() {
  const f = state.form;
  const errors = {};
  if (!f.origin.trim()) errors.origin = t('checkin.bad.origin');
  if (!purposeText()) errors.purpose = t('checkin.bad.purpose');
  return errors;
}

async function submit(event) {
  event.preventDefault();
  if (state.busy) return;
  state.errors = check();
  state.error = '';
  if (Object.keys(state.errors).length) {
    draw();
    root.querySelector('[aria-invalid=true]')?.focus();
    return;
  }
  const f = state.form;
  const body = { origin: f.origin.trim(), purpose: purposeText(), partySize: f.partySize };
  if (f.plate.trim()) body.plate = f.plate.trim().toUpperCase();
  state.busy = true;
  draw();
  try {
    const answer = await request(`/api/v1/public/check-in/${encodeURIComponent(token)}`, { method: 'POST', body });
    state.result = { ...answer, sent: body, gate: state.gate };
    remember(state.result);
  } catch (e) {
    state.errors = fieldErrors(e);
    state.error = problem(e);
  } finally {
    state.busy = false;
  }
  await draw();
  root.focus();
}

function languageSwitch() {
  return h('select', {
    id: 'language', 'aria-label': t('lang.label'),
    onchange: async (e) => { await useLanguage(e.target.value, true); draw(); },
  }, LANGUAGES.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === state.language }, l.label)));
}

async function draw() {
  const top = h('div', { class: 'top' }, h('span', { class: 'brand' }, t('app.name')), languageSwitch());
  if (state.result) return fill(root, top, await codeView());
  if (!state.gate) {
    return fill(root, top, h('h1', {}, t('checkin.title')),
      h('p', { class: 'error', role: 'alert', id: 'checkin-error' }, state.error),
      token && state.retry
        ? h('button', { type: 'button', class: 'secondary', id: 'retry', onclick: async () => { await loadGate(); draw(); } }, t('checkin.retry')) : null);
  }
  return fill(root, top, formView());
}

function textField(name, label, attributes = {}) {
  const id = `checkin-${name}`;
  return [
    h('label', { for: id }, label),
    h('input', {
      type: 'text', id, name, value: state.form[name], maxlength: LIMITS[name], autocomplete: 'off',
      'aria-invalid': state.errors[name] ? 'true' : null, 'aria-describedby': state.errors[name] ? `${id}-error` : null,
      oninput: (e) => { state.form[name] = e.target.value; }, ...attributes,
    }),
    state.errors[name] ? h('p', { class: 'error', id: `${id}-error` }, state.errors[name]) : null,
  ];
}

function formView() {
  const f = state.form;
  const count = h('output', { id: 'party-size', 'aria-live': 'polite' }, String(f.partySize));
  const step = (by) => () => {
    f.partySize = Math.min(MAX_PARTY, Math.max(1, f.partySize + by));
    count.textContent = String(f.partySize);
  };
  const other = h('input', {
    type: 'text', id: 'checkin-other', value: f.other, maxlength: LIMITS.purpose, autocomplete: 'off', hidden: f.purpose !== 'other',
    'aria-label': t('checkin.purposeOther'), oninput: (e) => { f.other = e.target.value; },
  });
  return h('form', { id: 'checkin-form', novalidate: true, onsubmit: submit },
    h('h1', {}, t('checkin.heading', { village: state.gate.villageName })),
    h('p', { class: 'gate', id: 'checkin-gate' }, t('checkin.gate', { gate: state.gate.checkpointName })),
    h('p', { class: 'hint' }, t('checkin.intro')),
    textField('origin', t('checkin.origin'), { placeholder: t('checkin.originExample') }),
    h('fieldset', { 'aria-invalid': state.errors.purpose ? 'true' : null },
      h('legend', {}, t('checkin.purpose')),
      h('div', { class: 'choices' }, PURPOSES.map((p) => h('label', { class: 'choice' },
        h('input', {
          type: 'radio', name: 'purpose', value: p, id: `purpose-${p}`, checked: f.purpose === p,
          onchange: () => { f.purpose = p; other.hidden = p !== 'other'; if (p === 'other') other.focus(); },
        }),
        t(`checkin.purpose.${p}`)))),
      other,
      state.errors.purpose ? h('p', { class: 'error' }, state.errors.purpose) : null),
    h('fieldset', {},
      h('legend', { id: 'party-legend' }, t('checkin.party')),
      h('div', { class: 'stepper', role: 'group', 'aria-labelledby': 'party-legend' },
        h('button', { type: 'button', id: 'party-less', 'aria-label': t('checkin.partyLess'), onclick: step(-1) }, '−'),
        count,
        h('button', { type: 'button', id: 'party-more', 'aria-label': t('checkin.partyMore'), onclick: step(1) }, '+')),
      state.errors.partySize ? h('p', { class: 'error' }, state.errors.partySize) : null),
    textField('plate', t('checkin.plate'), { autocapitalize: 'characters' }),
    h('p', { class: 'hint' }, t('checkin.privacy')),
    h('p', { class: 'error', role: 'alert', id: 'checkin-error' }, state.error),
    h('button', { type: 'submit', class: 'primary', id: 'checkin-submit', disabled: state.busy },
      state.busy ? t('checkin.sending') : t('checkin.submit')));
}

async function codeView() {
  const r = state.result;
  let qr;
  try {
    qr = (await qrModule).qrSvg(r.code, { level: 'L', label: t('checkin.codeLabel') });
  } catch {
    qr = h('p', { class: 'error', role: 'alert' }, t('checkin.offline'));
  }
  const expires = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(r.expiresAt));
  return h('section', { class: 'code', id: 'checkin-code', 'data-code': r.code },
    h('h1', {}, t('checkin.showTitle')),
    h('p', { class: 'show' }, t('checkin.show')),
    h('div', { class: 'qr-box' }, qr),
    h('p', { class: 'expires', id: 'checkin-expires' }, t('checkin.expires', { time: expires })),
    h('p', { class: 'hint' }, t('checkin.still')),
    h('dl', {},
      r.gate ? [h('dt', {}, t('checkin.gateShort')), h('dd', {}, r.gate.checkpointName)] : null,
      h('dt', {}, t('checkin.origin')), h('dd', {}, r.sent.origin),
      h('dt', {}, t('checkin.purpose')), h('dd', {}, r.sent.purpose),
      h('dt', {}, t('checkin.party')), h('dd', {}, String(r.sent.partySize)),
      r.sent.plate ? [h('dt', {}, t('checkin.plateShort')), h('dd', {}, r.sent.plate)] : null),
    h('button', {
      type: 'button', class: 'secondary', id: 'checkin-again',
      onclick: async () => {
        state.result = null;
        try { sessionStorage.removeItem(`gatepost.checkin.${token}`); } catch { /* nothing kept */ }
        if (!state.gate) await loadGate();
        draw();
      },
    }, t('checkin.again')));
}

window.addEventListener('hashchange', () => location.reload());
root.setAttribute('tabindex', '-1');
boot();
