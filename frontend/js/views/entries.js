// The village's log: filtered by gate, day, decision and health code, with the day's counts
// above; a mistaken entry is voided with a reason and the counts change at once.
import { h, fill } from '../dom.js';
import { t, formatTime, formatNumber, formatTemperature, formatDay } from '../i18n.js';
import * as dates from '../dates.js';
import { errorText, figure, formDialog } from '../ui.js';

const DECISIONS = ['ADMITTED', 'REFUSED', 'REFERRED'];
const CODES = ['GREEN', 'YELLOW', 'RED', 'NO_PHONE', 'UNREADABLE', 'PAPER_PASS'];
let root = null;

export function render(app) {
  root = h('section', { class: 'entries-screen' }, h('h1', {}, t('entries.title')));
  start(app, root);
  return root;
}

async function start(app, target) {
  const village = app.session.account.placeId;
  const params = app.params();
  const filter = {
    gate: params.get('gate') || '',
    day: dates.isDay(params.get('day')) ? params.get('day') : dates.today(),
    decision: DECISIONS.includes(params.get('decision')) ? params.get('decision') : '',
    code: CODES.includes(params.get('code')) ? params.get('code') : '',
  };
  let places;
  try {
    places = (await app.load(`/api/v1/places?parentId=${village}&limit=500`)).items.filter((p) => p.kind === 'CHECKPOINT');
  } catch (e) {
    fill(target, h('h1', {}, t('entries.title')), h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
    return;
  }
  const names = new Map(places.map((p) => [p.id, p.name]));
  const apply = (change) => app.go('entries', { ...filter, ...change });
  const select = (id, label, value, options, key) => h('div', { class: 'filter' },
    h('label', { for: id }, label),
    h('select', { id, onchange: (e) => apply({ [key]: e.target.value }) },
      h('option', { value: '' }, t('entries.all')),
      options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label))));
  const figures = h('div', { class: 'figures', id: 'entry-figures' });
  const list = h('ul', { class: 'entries log', id: 'entry-list' });
  const more = h('div', { class: 'more' });
  fill(target,
    h('h1', {}, t('entries.title')),
    h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
      select('filter-gate', t('entries.gate'), filter.gate, places.map((p) => ({ value: p.id, label: p.name })), 'gate'),
      h('div', { class: 'filter' }, h('label', { for: 'filter-day' }, t('entries.day')),
        h('input', { type: 'date', id: 'filter-day', value: filter.day, onchange: (e) => dates.isDay(e.target.value) && apply({ day: e.target.value }) })),
      select('filter-decision', t('gate.decision'), filter.decision, DECISIONS.map((d) => ({ value: d, label: t(`decided.${d}`) })), 'decision'),
      select('filter-code', t('gate.code'), filter.code, CODES.map((c) => ({ value: c, label: t(`code.${c}`) })), 'code')),
    h('h2', {}, t('entries.dayCounts', { day: formatDay(filter.day), place: filter.gate ? names.get(filter.gate) ?? '' : t('entries.allGates') })),
    figures,
    h('h2', {}, t('entries.log')),
    list, more);

  const place = filter.gate || village;
  const range = `from=${filter.day}&to=${dates.addDays(filter.day, 1)}`;
  const counts = async () => {
    const s = await app.load(`/api/v1/stats/summary?placeId=${place}&${range}`);
    fill(figures,
      figure(t('dash.entries'), formatNumber(s.entries), 'count-entries'),
      figure(t('decided.ADMITTED'), formatNumber(s.admitted), 'count-admitted'),
      figure(t('decided.REFUSED'), formatNumber(s.refused), 'count-refused'),
      figure(t('dash.fevers'), formatNumber(s.fevers), 'count-fevers'));
  };
  const page = async (cursor) => {
    const query = new URLSearchParams({ placeId: place, from: filter.day, to: dates.addDays(filter.day, 1), limit: '50' });
    if (filter.decision) query.set('decision', filter.decision);
    if (filter.code) query.set('healthCode', filter.code);
    if (cursor) query.set('cursor', cursor);
    const answer = await app.load(`/api/v1/entries?${query}`);
    if (!cursor) fill(list);
    list.append(...answer.items.map((e) => line(app, e, names, reload)));
    if (!cursor && answer.items.length === 0) list.append(h('li', { class: 'empty' }, t('entries.none')));
    fill(more, answer.nextCursor ? h('button', { type: 'button', class: 'secondary', onclick: () => page(answer.nextCursor) }, t('entries.more')) : null);
  };
  const reload = async () => {
    try {
      await Promise.all([counts(), page(null)]);
    } catch (e) {
      fill(list, h('li', { class: 'form-error', role: 'alert' }, errorText(e)));
    }
  };
  await reload();
}

function line(app, e, names, reload) {
  return h('li', { class: `entry${e.voided ? ' voided' : ''}`, 'data-entry': e.id },
    h('span', { class: 'time' }, formatTime(e.occurredAt)),
    h('span', {}, names.get(e.checkpointId) ?? ''),
    h('span', { class: `code code-${e.healthCode.toLowerCase()}` }, t(`code.${e.healthCode}`)),
    e.temperature != null ? h('span', { class: e.fever ? 'fever' : null }, formatTemperature(e.temperature)) : null,
    h('span', {}, t(`direction.${e.direction}`)),
    h('strong', {}, t(`decided.${e.decision}`)),
    h('span', { class: 'small' }, e.resident ? t('person.resident') : `${t('person.visitor')}${e.visitor?.origin ? ` · ${e.visitor.origin}` : ''}`,
      e.partySize > 1 ? ` · ${t('recent.party', { count: e.partySize })}` : ''),
    e.voided ? h('span', { class: 'void-note' }, t('entries.voidedBecause', { reason: e.voidReason ?? '' }))
      : h('button', {
        type: 'button', class: 'secondary void', 'aria-label': t('entries.voidOne', { time: formatTime(e.occurredAt) }),
        onclick: async () => {
          const done = await formDialog({
            title: t('entries.voidTitle'),
            intro: t('entries.voidIntro'),
            fields: [{ name: 'reason', label: t('entries.reason'), type: 'textarea', required: true, maxlength: 500 }],
            confirm: t('entries.void'),
            danger: true,
            submit: (v) => app.call(`/api/v1/entries/${e.id}/void`, { method: 'POST', body: { reason: v.reason } }),
          });
          if (done) {
            app.toast(t('entries.voided'));
            await reload();
            app.refreshAlerts();
          }
        },
      }, t('entries.void')));
}
