// Recording a passage at the gate, as quick as a line on a paper register: the common case
// (green code, normal temperature, resident, in, admitted) is three taps. Below it, today's
// counts at this gate and my recent entries, sent or not.
import { h, fill } from '../dom.js';
import * as db from '../db.js';
import * as outbox from '../outbox.js';
import * as clock from '../clock.js';
import { uuidv7 } from '../ids.js';
import { assess, adjust } from '../rule.js';
import {
  t, formatTemperature, formatTime, formatNumber, dayOf, problemText,
} from '../i18n.js';
import { currentShift } from './shift.js';
import * as scanner from '../scan/scanner.js';
import * as trust from '../scan/trust.js';

const CODES = ['GREEN', 'YELLOW', 'RED', 'NO_PHONE', 'UNREADABLE', 'PAPER_PASS'];
const QUICK_TEMPERATURES = [36.0, 36.3, 36.5, 36.7, 37.0];
const DECISIONS = ['ADMITTED', 'REFUSED', 'REFERRED'];
/** A phone number as the server takes it: 6 to 15 digits, a leading + allowed. */
const PHONE = /^\+?[0-9]{6,15}$/;

function blank() {
  return {
    code: null, codeRead: 'BY_EYE', temperature: null, direction: 'IN', resident: true, partySize: 1, decision: null,
    reason: '', visitor: { origin: '', purpose: '', name: '', phone: '', plate: '' }, pass: null,
  };
}

let form = blank();
let formSource = null; // the id of the held entry the form was loaded from, when correcting
let saving = false;
let checkpoints = [];
let checkpointId = null;
let today = null;
let parts = null;

export function render(app) {
  parts = {};
  const root = h('section', { class: 'gate' });
  parts.root = root;
  parts.checkpoint = h('div', { class: 'checkpoint-line' });
  parts.form = h('form', { class: 'record', onsubmit: (e) => { e.preventDefault(); record(app); }, novalidate: true });
  parts.today = h('section', { class: 'today', 'aria-labelledby': 'today-title' });
  parts.recent = h('section', { class: 'recent', 'aria-labelledby': 'recent-title' });
  root.append(parts.checkpoint, parts.form, parts.today, parts.recent);
  if (app.editing && app.editing.recorderId !== app.session.account.id) app.editing = null;
  if (app.editing && formSource !== app.editing.id) {
    loadForEditing(app);
    formSource = app.editing.id;
  } else if (!app.editing && formSource) {
    form = blank();
    formSource = null;
  }
  if (!app.rule) {
    root.prepend(h('p', { class: 'notice', role: 'alert' }, t('warn.noRule')));
  }
  loadCheckpoints(app).then(() => {
    renderCheckpoint(app);
    buildForm(app);
    renderRecent(app);
    refreshToday(app);
  });
  return root;
}

/** Forgets the form and the gate: at sign-in and sign-out, so nothing passes to the next person. */
export function reset() {
  form = blank();
  formSource = null;
  checkpointId = null;
  today = null;
}

/** Called when the outbox changed. */
export function update(app) {
  if (parts?.root?.isConnected) {
    renderToday(app);
    renderRecent(app);
  }
}

/** Called after entries were sent: the server's counts have moved. */
export function sent(app) {
  if (parts?.root?.isConnected) refreshToday(app);
}

async function loadCheckpoints(app) {
  checkpoints = (await db.getValue('checkpoints')) || [];
  const shifts = (await db.getValue('shifts'))?.items || [];
  const onShift = currentShift(shifts, clock.now());
  const saved = await db.getValue('checkpointId');
  const known = (id) => checkpoints.some((c) => c.id === id);
  if (onShift && (known(onShift.checkpointId) || checkpoints.length === 0)) {
    checkpointId = onShift.checkpointId;
    if (!known(onShift.checkpointId)) checkpoints.push({ id: onShift.checkpointId, name: onShift.checkpointName });
  } else if (known(saved)) {
    checkpointId = saved;
  } else {
    checkpointId = checkpoints.length === 1 ? checkpoints[0].id : null;
  }
  if (app.editing && known(app.editing.entry.checkpointId)) checkpointId = app.editing.entry.checkpointId;
}

function renderCheckpoint(app) {
  if (checkpoints.length === 0) {
    fill(parts.checkpoint, h('p', { class: 'notice' }, t('gate.noCheckpoint')));
    return;
  }
  const select = h('select', {
    id: 'checkpoint', onchange: async (e) => {
      checkpointId = e.target.value || null;
      await db.setValue('checkpointId', checkpointId);
      today = null;
      buildForm(app);
      refreshToday(app);
    },
  },
  checkpointId ? null : h('option', { value: '' }, t('gate.chooseCheckpoint')),
  checkpoints.map((c) => h('option', { value: c.id, selected: c.id === checkpointId }, c.name)));
  fill(parts.checkpoint, h('label', { for: 'checkpoint' }, t('gate.checkpoint')), select);
}

function loadForEditing(app) {
  const entry = app.editing.entry;
  form = {
    code: entry.healthCode, codeRead: entry.healthCodeRead || 'BY_EYE', temperature: entry.temperature ?? null,
    direction: entry.direction, resident: entry.resident, partySize: entry.partySize, decision: entry.decision,
    reason: entry.reason || '', visitor: { origin: '', purpose: '', name: '', phone: '', plate: '', ...(entry.visitor || {}) },
    pass: entry.pass ? { ...entry.pass, label: entry.pass.label ?? null, usedUp: false } : null,
  };
}

/** A row of toggle buttons, one pressed. */
function choices(name, options, selected, label, onPick, extraClass = '') {
  return h('div', { class: `choices ${extraClass}`, role: 'group', 'aria-label': label },
    options.map((option) => h('button', {
      type: 'button', class: `choice ${name}-${String(option.value).toLowerCase()}`, 'data-value': option.key ?? String(option.value),
      'aria-pressed': String(option.value === selected), onclick: () => onPick(option.value),
    }, option.label)));
}

/** Whether a pass scanned for this passage has its outings used up: refusal is proposed for going out. */
function limitReached() {
  return !!form.pass?.usedUp && form.direction === 'OUT';
}

/** The decision the form stands for: the volunteer's choice where the rule allows it, else the proposal. */
function chosenDecision(assessment) {
  if (form.decision && assessment.allowed.includes(form.decision)) return form.decision;
  if (limitReached() && assessment.allowed.includes('REFUSED')) return 'REFUSED';
  return assessment.proposal;
}

/** Scanning: a pass, a visitor's check-in code or a health code's colour fills the form. */
function openScanner(app) {
  const redraw = () => buildForm(app);
  scanner.open(app, {
    onPass: ({ claims, household }) => {
      form.pass = {
        householdId: claims.h, serial: claims.s, label: household.label, used: household.used,
        outings: household.limit?.outings ?? null, usedUp: household.usedUp,
      };
      form.resident = true;
      form.direction = 'OUT';
      form.decision = null;
      if (household.usedUp && !form.reason) form.reason = t('scan.limitReason');
      redraw();
    },
    onCheckin: (claims) => {
      form.resident = false;
      form.direction = 'IN';
      form.partySize = Math.min(20, Math.max(1, Number(claims.n) || 1));
      form.visitor = { ...form.visitor, origin: claims.o || '', purpose: claims.p || '', plate: claims.pl || '' };
      form.pass = null;
      redraw();
    },
    onHealthCode: (code) => {
      form.code = code;
      form.codeRead = 'SCANNED';
      form.decision = null;
      redraw();
    },
    onClose: () => parts?.form?.querySelector('#scan-open')?.focus(),
  });
}

async function renderTrustLine() {
  const line = parts?.form?.querySelector('#trust-line');
  if (!line) return;
  const checkedAt = (await trust.cached())?.checkedAt;
  const age = scanner.trustAge(checkedAt);
  line.textContent = age.text;
  line.classList.toggle('stale', age.stale);
  line.dataset.state = !checkedAt ? 'none' : age.stale ? 'stale' : 'fresh';
}

function passLine(app) {
  if (!form.pass) return null;
  const p = form.pass;
  const label = p.label ?? t('scan.pass.unknownLabel', { serial: p.serial });
  return h('p', { class: `pass-line ${limitReached() ? 'stop' : ''}`, id: 'pass-line' },
    t('scan.pass.line', { label }),
    p.outings !== null && p.outings !== undefined
      ? ` · ${t('scan.pass.lineOutings', { used: formatNumber(p.used), outings: formatNumber(p.outings) })}` : '',
    ' ',
    h('button', {
      type: 'button', class: 'link', id: 'pass-remove',
      onclick: () => { form.pass = null; form.decision = null; buildForm(app); },
    }, t('scan.pass.remove')));
}

function buildForm(app) {
  const rule = app.rule;
  if (!checkpointId || !rule) {
    fill(parts.form);
    return;
  }
  const redraw = () => buildForm(app);
  const pick = (change) => () => { Object.assign(form, change); redraw(); };
  const assessment = assess(form.code, form.temperature, rule);
  const decision = chosenDecision(assessment);
  const limitWhy = limitReached() && decision === 'REFUSED';

  const visitorInput = (field, labelKey, attributes = {}) => {
    const id = `visitor-${field}`;
    return h('div', { class: 'field' },
      h('label', { for: id }, t(labelKey)),
      h('input', {
        id, value: form.visitor[field], maxlength: attributes.maxlength || 100, ...attributes,
        oninput: (e) => { form.visitor[field] = e.target.value; updateSubmit(app); },
      }));
  };

  const temperatureValue = form.temperature === null ? t('gate.temperatureNone') : formatTemperature(form.temperature);
  fill(parts.form,
    app.editing ? h('p', { class: 'notice' }, t('gate.editing'), ' ',
      h('button', {
        type: 'button', class: 'link', onclick: () => { app.editing = null; form = blank(); formSource = null; redraw(); },
      },
        t('gate.cancelEdit'))) : null,
    h('div', { class: 'scan-bar' },
      h('button', { type: 'button', class: 'primary scan-open', id: 'scan-open', onclick: () => openScanner(app) }, t('scan.open')),
      h('p', { class: 'small trust-line', id: 'trust-line' })),
    passLine(app),
    h('fieldset', {},
      h('legend', {}, t('gate.code')),
      choices('code', CODES.map((c) => ({ value: c, label: t(`code.${c}`) })), form.code, t('gate.code'),
        (value) => { form.code = value; form.codeRead = 'BY_EYE'; form.decision = null; redraw(); }, 'codes')),
    h('fieldset', {},
      h('legend', {}, t('gate.temperature'), ' ',
        h('output', { id: 'temperature-value', class: assessment.fever ? 'fever' : '' }, temperatureValue,
          assessment.fever ? ` · ${t('gate.fever')}` : '')),
      choices('temperature', QUICK_TEMPERATURES.map((v) => ({ value: v, key: v.toFixed(1), label: formatNumber(v, 1) })), form.temperature,
        t('gate.temperature'), (value) => { form.temperature = value; form.decision = null; redraw(); }, 'temperatures'),
      h('div', { class: 'adjuster' },
        h('button', {
          type: 'button', class: 'step', 'aria-label': t('gate.temperatureDown'),
          onclick: () => { form.temperature = adjust(form.temperature, -1, rule); form.decision = null; redraw(); },
        }, '−0.1'),
        h('button', {
          type: 'button', class: 'step', 'aria-pressed': String(form.temperature === null),
          onclick: pick({ temperature: null, decision: null }),
        }, t('gate.temperatureNone')),
        h('button', {
          type: 'button', class: 'step', 'aria-label': t('gate.temperatureUp'),
          onclick: () => { form.temperature = adjust(form.temperature, +1, rule); form.decision = null; redraw(); },
        }, '+0.1'))),
    h('div', { class: 'pair' },
      h('fieldset', {}, h('legend', {}, t('gate.direction')),
        choices('direction', ['IN', 'OUT'].map((d) => ({ value: d, label: t(`direction.${d}`) })), form.direction,
          t('gate.direction'), (value) => { form.direction = value; redraw(); })),
      h('fieldset', {}, h('legend', {}, t('gate.person')),
        choices('person', [{ value: true, label: t('person.resident') }, { value: false, label: t('person.visitor') }],
          form.resident, t('gate.person'), (value) => { form.resident = value; redraw(); }))),
    h('fieldset', { class: 'party' }, h('legend', {}, t('gate.party')),
      h('div', { class: 'adjuster' },
        h('button', {
          type: 'button', class: 'step', 'aria-label': t('gate.partyLess'), disabled: form.partySize <= 1,
          onclick: pick({ partySize: Math.max(1, form.partySize - 1) }),
        }, '−'),
        h('output', { id: 'party-size', 'aria-live': 'polite' }, formatNumber(form.partySize)),
        h('button', {
          type: 'button', class: 'step', 'aria-label': t('gate.partyMore'), disabled: form.partySize >= 20,
          onclick: pick({ partySize: Math.min(20, form.partySize + 1) }),
        }, '+'))),
    form.resident ? null : h('fieldset', { class: 'visitor' }, h('legend', {}, t('gate.visitor')),
      visitorInput('origin', 'gate.origin', { required: true }),
      visitorInput('purpose', 'gate.purpose', { required: true, maxlength: 200 }),
      visitorInput('name', 'gate.visitorName', { autocomplete: 'off' }),
      visitorInput('phone', 'gate.visitorPhone', { type: 'tel', inputmode: 'tel', maxlength: 32, autocomplete: 'off' }),
      visitorInput('plate', 'gate.visitorPlate', { maxlength: 20, autocomplete: 'off' })),
    h('fieldset', { class: 'decision' },
      h('legend', {}, t('gate.decision')),
      h('p', { class: `why ${(assessment.allowed.includes('ADMITTED') && !limitWhy) || !form.code ? '' : 'stop'}`, id: 'why' },
        limitWhy ? t('scan.why.limit') : t(assessment.why.key, formatWhy(assessment.why.params))),
      h('div', { class: 'choices', role: 'group', 'aria-label': t('gate.decision') },
        DECISIONS.map((d) => h('button', {
          type: 'button', class: `choice decision-${d.toLowerCase()}`, 'data-value': d,
          'aria-pressed': String(d === decision), disabled: !assessment.allowed.includes(d),
          onclick: () => { form.decision = d; redraw(); },
        }, t(`decision.${d}`)))),
      decision && decision !== 'ADMITTED' ? h('div', { class: 'field' },
        h('label', { for: 'reason' }, t('gate.reason')),
        h('input', { id: 'reason', maxlength: 200, value: form.reason, oninput: (e) => { form.reason = e.target.value; } }))
        : null),
    h('p', { class: 'form-error', id: 'record-error', role: 'alert' }),
    h('button', {
      type: 'submit', class: `primary big submit-${(decision || 'none').toLowerCase()}`, id: 'record',
      'aria-describedby': 'record-error',
    },
      decision ? t(`gate.submit.${decision}`) : t('gate.chooseCode')));
  updateSubmit(app);
  renderTrustLine();
}

function formatWhy(params = {}) {
  const out = { ...params };
  if ('temperature' in out) out.temperature = formatTemperature(out.temperature);
  if ('threshold' in out) out.threshold = formatTemperature(out.threshold);
  return out;
}

/** What stops the entry from being recorded, as a message key, or null. */
function missing(app) {
  const assessment = assess(form.code, form.temperature, app.rule);
  const decision = chosenDecision(assessment);
  if (!form.code) return 'gate.chooseCode';
  if (!decision) return assessment.why.key;
  if (!form.resident && !form.visitor.origin.trim()) return 'gate.needOrigin';
  if (!form.resident && !form.visitor.purpose.trim()) return 'gate.needPurpose';
  if (!form.resident && form.visitor.phone.trim() && !PHONE.test(form.visitor.phone.replace(/[\s\-().]/g, ''))) {
    return 'problem.field.visitor.phone';
  }
  return null;
}

function updateSubmit(app) {
  const button = parts.form.querySelector('#record');
  // Still a button that answers: tapped while incomplete, it says what is missing.
  if (button) button.classList.toggle('blocked', missing(app) !== null);
}

async function record(app) {
  if (saving) return; // a double tap records one passage, not two
  const error = parts.form.querySelector('#record-error');
  const problem = missing(app);
  if (problem) {
    error.textContent = t(problem);
    return;
  }
  saving = true;
  try {
    await save(app);
  } finally {
    saving = false;
  }
}

async function save(app) {
  const assessment = assess(form.code, form.temperature, app.rule);
  const decision = chosenDecision(assessment);
  const entry = {
    // time-ordered: stored next to the entries recorded just before it (see ids.js)
    id: uuidv7(clock.now().getTime()),
    checkpointId,
    // A corrected entry keeps the moment it happened; a new one is now, by the server's clock.
    occurredAt: app.editing ? app.editing.entry.occurredAt : clock.isoWithOffset(clock.now()),
    direction: form.direction,
    resident: form.resident,
    partySize: form.partySize,
    healthCode: form.code,
    healthCodeRead: form.codeRead,
    temperature: form.temperature,
    decision,
  };
  if (decision !== 'ADMITTED' && form.reason.trim()) entry.reason = form.reason.trim();
  if (form.pass) entry.pass = { householdId: form.pass.householdId, serial: form.pass.serial };
  if (!form.resident) {
    const v = Object.fromEntries(Object.entries(form.visitor).map(([k, value]) => [k, value.trim()]).filter(([, value]) => value));
    entry.visitor = v;
  }
  const replacing = app.editing?.id ?? null;
  await outbox.add(entry, app.session.account, replacing);
  app.editing = null;
  form = blank();
  formSource = null;
  buildForm(app);
  parts.form.querySelector('.codes button')?.focus();
  await app.send();
  const stored = app.rows.find((r) => r.id === entry.id);
  app.toast(stored?.state === 'SENT' ? t('gate.savedSent') : t('gate.saved'));
}

async function refreshToday(app) {
  if (!checkpointId) {
    today = null;
    renderToday(app);
    return;
  }
  try {
    today = await app.load(`/api/v1/gate/today?checkpointId=${encodeURIComponent(checkpointId)}`);
    await db.setValue('today', today);
  } catch {
    const cached = await db.getValue('today');
    today = cached && cached.checkpointId === checkpointId ? cached : null;
  }
  renderToday(app);
}

function renderToday(app) {
  if (!parts?.today) return;
  const name = checkpoints.find((c) => c.id === checkpointId)?.name ?? '';
  const unsent = app.rows.filter((r) => r.state !== 'SENT' && r.entry.checkpointId === checkpointId
    && r.recorderId === app.session.account.id).length;
  const figure = (key, value, id) => h('div', { class: 'figure' },
    h('span', { class: 'value', id }, value === null ? '–' : formatNumber(value)), h('span', { class: 'label' }, t(key)));
  fill(parts.today,
    h('h2', { id: 'today-title' }, t('today.title', { checkpoint: name })),
    h('div', { class: 'figures' },
      figure('today.entries', today?.entries ?? null, 'today-entries'),
      figure('today.persons', today?.persons ?? null, 'today-persons'),
      figure('today.refused', today ? today.refused + today.referred : null, 'today-refused'),
      figure('today.fevers', today?.fevers ?? null, 'today-fevers')),
    today ? h('p', { class: 'small' }, t('today.mine', { count: today.mine })) : h('p', { class: 'small' }, t('today.offline')),
    unsent ? h('p', { class: 'small waiting' }, t('today.unsent', { count: unsent })) : null);
}

function renderRecent(app) {
  if (!parts?.recent) return;
  const todayKey = dayOf(clock.now());
  const mine = app.rows.filter((r) => r.recorderId === app.session.account.id && dayOf(r.entry.occurredAt) === todayKey)
    .sort((a, b) => b.recordedAt - a.recordedAt).slice(0, 20);
  fill(parts.recent,
    h('h2', { id: 'recent-title' }, t('recent.title')),
    mine.length === 0 ? h('p', { class: 'small' }, t('recent.none'))
      : h('ul', { class: 'entries', id: 'recent-list' }, mine.map((r) => entryLine(r))));
}

/** One entry in a list: time, code, temperature, decision, and whether it has been sent. */
export function entryLine(r, actions = null) {
  const e = r.entry;
  const state = { SENT: 'recent.sent', PENDING: 'recent.pending', HELD: 'recent.held' }[r.state];
  return h('li', { class: `entry state-${r.state.toLowerCase()}`, 'data-id': r.id },
    h('span', { class: 'time' }, formatTime(e.occurredAt)),
    h('span', { class: `code code-${e.healthCode.toLowerCase()}` }, t(`code.${e.healthCode}`)),
    h('span', { class: 'temp' }, e.temperature === null || e.temperature === undefined ? '–' : formatTemperature(e.temperature)),
    h('span', { class: 'decided' }, t(`decided.${e.decision}`),
      e.partySize > 1 ? ` · ${t('recent.party', { count: e.partySize })}` : '',
      ` · ${t(`direction.${e.direction}`)}`, e.resident ? '' : ` · ${t('person.visitor')}`),
    h('span', { class: `sent-state ${r.state.toLowerCase()}` }, t(state)),
    r.state === 'HELD' ? h('p', { class: 'problem' }, r.heldAs === 'CONFLICT' ? t('problem.conflict.entry')
      : problemText(r.problem)) : null,
    actions);
}
