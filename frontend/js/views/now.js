// The cadre's village right now: every gate's coverage (OK, understaffed, unstaffed, no
// shift), who is on duty, the last entry's time, and today's counts; refreshed live.
import { h, fill } from '../dom.js';
import { t, formatTime, formatEnd, formatNumber, formatDateTime } from '../i18n.js';
import * as dates from '../dates.js';
import { errorText, figure } from '../ui.js';

const REFRESH_MS = 30_000;
const ORDER = { UNSTAFFED: 0, UNDERSTAFFED: 1, NO_SHIFT: 2, OK: 3 };
let timer = null;
let root = null;

export function render(app) {
  root = h('section', { class: 'now' }, h('h1', {}, t('now.title')), h('p', { class: 'small' }, t('common.loading')));
  load(app);
  clearInterval(timer);
  timer = setInterval(() => load(app), REFRESH_MS);
  return root;
}

export function leave() {
  clearInterval(timer);
  timer = null;
}

export function live(app) {
  if (root?.isConnected) load(app);
}

async function load(app) {
  const target = root;
  const village = app.session.account.placeId;
  const today = dates.today();
  try {
    const [place, coverage, shifts, summary] = await Promise.all([
      app.load(`/api/v1/places/${village}`),
      app.load(`/api/v1/stats/coverage?placeId=${village}`),
      app.load(`/api/v1/shifts?placeId=${village}&from=${dates.addDays(today, -1)}&to=${dates.addDays(today, 1)}&limit=500`),
      app.load(`/api/v1/stats/summary?placeId=${village}&from=${today}&to=${dates.addDays(today, 1)}`),
    ]);
    const last = await Promise.all(coverage.checkpoints.map((c) => app.load(`/api/v1/entries?placeId=${c.checkpointId}&limit=1`)
      .then((p) => p.items[0]?.occurredAt ?? null).catch(() => null)));
    if (target !== root) return;
    const byShift = new Map(shifts.items.map((s) => [s.id, s]));
    const gates = coverage.checkpoints.map((c, i) => ({ ...c, last: last[i], shift: byShift.get(c.shiftId) }))
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name));
    fill(root,
      h('h1', {}, t('now.title')),
      h('p', { class: 'small' }, place.name, ' · ', t('now.updated', { time: formatTime(Date.now()) })),
      h('div', { class: 'figures today-figures' },
        figure(t('dash.entries'), formatNumber(summary.entries), 'now-entries'),
        figure(t('dash.refused'), formatNumber(summary.refused), 'now-refused'),
        figure(t('dash.fevers'), formatNumber(summary.fevers), 'now-fevers', summary.fevers ? 'alarm' : null),
        figure(t('dash.openAlerts'), formatNumber(summary.openAlerts), 'now-alerts', summary.openAlerts ? 'alarm' : null)),
      h('h2', {}, t('now.gates')),
      gates.length === 0 ? h('p', { class: 'empty' }, t('now.noGates'))
        : h('ul', { class: 'gates', id: 'gates' }, gates.map((g) => gate(g))));
  } catch (e) {
    if (target === root && root) fill(root, h('h1', {}, t('now.title')), h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

function gate(g) {
  const people = g.shift?.assignments ?? [];
  const onDuty = people.filter((p) => p.status === 'ON_DUTY');
  const expected = people.filter((p) => p.status === 'ASSIGNED');
  return h('li', { class: `gate coverage-${g.status.toLowerCase()}`, 'data-checkpoint': g.checkpointId },
    h('div', { class: 'gate-head' },
      h('strong', {}, g.name),
      h('span', { class: `coverage-tag tag-${g.status.toLowerCase()}` }, t(`coverage.${g.status}`))),
    g.shiftId ? h('p', {}, `${formatTime(g.startsAt)}–${formatEnd(g.endsAt)} · `,
      t('now.staff', { onDuty: g.onDuty, assigned: g.assigned, needed: g.minStaff })) : null,
    onDuty.length ? h('p', {}, t('now.onDuty'), ' ', onDuty.map((p) => p.name).join('、')) : null,
    expected.length ? h('p', { class: 'small' }, t('now.expected'), ' ', expected.map((p) => p.name).join('、')) : null,
    h('p', { class: 'small last-entry' }, g.last ? t('now.lastEntry', { time: formatDateTime(g.last) }) : t('now.noEntry')),
    h('a', {
      class: 'button poster-link', href: `/print/poster.html#${g.checkpointId}`, target: '_blank', rel: 'noopener',
    }, t('print.poster.open', { gate: g.name })));
}
