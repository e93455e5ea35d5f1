// Coverage below the official's place: every checkpoint now, unstaffed and understaffed
// first; the shifts short of people in a period; volunteer hours by team. Each as CSV too.
import { h, fill } from '../dom.js';
import { t, formatNumber, formatDay, formatTime, formatEnd, formatDateTime } from '../i18n.js';
import * as dates from '../dates.js';
import { errorText, csvButton, fileName } from '../ui.js';

const ORDER = { UNSTAFFED: 0, UNDERSTAFFED: 1, NO_SHIFT: 2, OK: 3 };
let root = null;

/** Unstaffed first, then understaffed, no shift, and those in order; by name within each. */
export function worstFirst(checkpoints) {
  return [...checkpoints].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name));
}

export function render(app) {
  root = h('section', { class: 'coverage-screen' }, h('h1', {}, t('coverage.title')), h('p', { class: 'small' }, t('common.loading')));
  load(app, root);
  return root;
}

async function load(app, target) {
  const params = app.params();
  const today = dates.today();
  const place = params.get('place') || app.session.account.placeId;
  const to = dates.isDay(params.get('to')) ? params.get('to') : dates.addDays(today, 6);
  const from = dates.isDay(params.get('from')) && params.get('from') <= to ? params.get('from') : dates.addDays(today, -6);
  const end = dates.addDays(to, 1);
  const q = `placeId=${place}`;
  try {
    const [p, coverage, short, hours] = await Promise.all([
      app.load(`/api/v1/places/${place}`),
      app.load(`/api/v1/stats/coverage?${q}`),
      app.load(`/api/v1/stats/understaffed?${q}&from=${from}&to=${end}&limit=500`),
      app.load(`/api/v1/stats/volunteer-hours?${q}&from=${from}&to=${end}`),
    ]);
    if (target !== root) return;
    const gates = worstFirst(coverage.checkpoints);
    const counts = Object.fromEntries(Object.keys(ORDER).map((k) => [k, gates.filter((g) => g.status === k).length]));
    const fromInput = h('input', { type: 'date', id: 'cov-from', value: from });
    const toInput = h('input', { type: 'date', id: 'cov-to', value: to });
    fill(root,
      h('h1', {}, t('coverage.title')),
      h('p', {}, h('a', { href: `#/dashboard?place=${place}` }, p.name), ' · ', t('coverage.at', { time: formatDateTime(coverage.at) })),
      h('p', { class: 'coverage-counts', id: 'coverage-counts' }, Object.keys(ORDER).map((k) => h('span', { class: `coverage-tag tag-${k.toLowerCase()}` },
        `${t(`coverage.${k}`)} ${formatNumber(counts[k])}`))),
      h('h2', {}, t('coverage.now')),
      csvButton(app, t('coverage.csvNow'), () => `/api/v1/stats/coverage?${q}`, () => fileName('coverage', p.name, today), 'csv-coverage'),
      gates.length === 0 ? h('p', { class: 'small' }, t('now.noGates'))
        : h('table', { class: 'coverage-table', id: 'coverage-table' },
          h('caption', { class: 'visually-hidden' }, t('coverage.now')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('coverage.gate')), h('th', { scope: 'col' }, t('coverage.status')),
            h('th', { scope: 'col' }, t('coverage.people')))),
          h('tbody', {}, gates.map((g) => h('tr', { class: `coverage-${g.status.toLowerCase()}` },
            h('th', { scope: 'row' }, g.name),
            h('td', {}, h('span', { class: `coverage-tag tag-${g.status.toLowerCase()}` }, t(`coverage.${g.status}`))),
            h('td', {}, g.shiftId ? `${formatNumber(g.onDuty)}/${formatNumber(g.minStaff)} · ${formatTime(g.startsAt)}–${formatEnd(g.endsAt)}` : '—'))))),
      h('form', {
        class: 'range', onsubmit: (e) => {
          e.preventDefault();
          if (dates.isDay(fromInput.value) && dates.isDay(toInput.value) && fromInput.value <= toInput.value) {
            app.go('coverage', { place, from: fromInput.value, to: toInput.value });
          }
        },
      },
      h('div', { class: 'filter' }, h('label', { for: 'cov-from' }, t('range.from')), fromInput),
      h('div', { class: 'filter' }, h('label', { for: 'cov-to' }, t('range.toInclusive')), toInput),
      h('button', { type: 'submit', class: 'primary' }, t('range.show'))),
      h('h2', {}, t('coverage.short', { from: formatDay(from), to: formatDay(to) })),
      csvButton(app, t('coverage.csvShort'), () => `/api/v1/stats/understaffed?${q}&from=${from}&to=${end}&limit=500`,
        () => fileName('understaffed', p.name, from, to), 'csv-understaffed'),
      short.items.length === 0 ? h('p', { class: 'small' }, t('coverage.noShort'))
        : h('ul', { class: 'short-list', id: 'short-list' }, short.items.map((s) => h('li', {},
          h('strong', {}, s.checkpointName), ` · ${formatDateTime(s.startsAt)}–${formatEnd(s.endsAt)} · `,
          h('span', { class: 'gap-text' }, t('coverage.missing', { missing: s.missing, needed: s.minStaff }))))),
      h('h2', {}, t('coverage.hours', { from: formatDay(from), to: formatDay(to) })),
      csvButton(app, t('people.hoursCsv'), () => `/api/v1/stats/volunteer-hours?${q}&from=${from}&to=${end}`,
        () => fileName('volunteer-hours', p.name, from, to), 'csv-hours'),
      hours.teams.length === 0 ? h('p', { class: 'small' }, t('coverage.noHours'))
        : h('table', { class: 'hours-table', id: 'hours-table' },
          h('caption', { class: 'visually-hidden' }, t('coverage.hours', { from: formatDay(from), to: formatDay(to) })),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('people.team')), h('th', { scope: 'col' }, t('coverage.hoursCol')))),
          h('tbody', {}, [...hours.teams].sort((a, b) => Number(b.hours) - Number(a.hours)).map((tm) => h('tr', {},
            h('th', { scope: 'row' }, tm.name ?? t('people.noTeam')), h('td', {}, formatNumber(Number(tm.hours), 1)))))));
  } catch (e) {
    if (target === root) fill(root, h('h1', {}, t('coverage.title')), h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}
