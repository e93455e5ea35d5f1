// The week's roster for the notice board at the gate: one A4 page (the print stylesheet),
// with names, times and the cadre's phone.
import { h, fill } from '../dom.js';
import { t, formatDay, formatTime, formatEnd } from '../i18n.js';
import * as dates from '../dates.js';
import { errorText, all } from '../ui.js';
import { missing } from './board.js';

let root = null;

export function render(app) {
  const requested = app.params().get('week');
  const monday = dates.mondayOf(dates.isDay(requested) ? requested : dates.today());
  root = h('section', { class: 'print-roster' }, h('p', { class: 'small' }, t('common.loading')));
  load(app, monday, root);
  return root;
}

async function load(app, monday, target) {
  const village = app.session.account.placeId;
  const me = app.session.account;
  try {
    const [place, places, shifts] = await Promise.all([
      app.load(`/api/v1/places/${village}`),
      app.load(`/api/v1/places?parentId=${village}&limit=500`),
      all(app, `/api/v1/shifts?placeId=${village}&from=${monday}&to=${dates.addDays(monday, 7)}`),
    ]);
    const checkpoints = places.items.filter((p) => p.kind === 'CHECKPOINT' && p.active);
    const days = Array.from({ length: 7 }, (_, i) => dates.addDays(monday, i));
    const at = (cp, day) => shifts.filter((s) => s.checkpointId === cp.id && s.startsAt.slice(0, 10) === day)
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    if (target !== root) return;
    fill(root,
      h('div', { class: 'screen-only actions-row' },
        h('a', { class: 'button', href: `#/board?week=${monday}` }, `‹ ${t('nav.board')}`),
        h('button', { type: 'button', class: 'primary', id: 'print-now', onclick: () => window.print() }, t('print.print'))),
      h('h1', {}, t('print.title', { village: place.name })),
      h('p', { class: 'print-week' }, t('board.week', { from: formatDay(days[0]), to: formatDay(days[6]) })),
      h('table', { class: 'roster-table', id: 'roster-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('print.day')),
          checkpoints.map((cp) => h('th', { scope: 'col' }, cp.name)))),
        h('tbody', {}, days.map((day) => h('tr', {},
          h('th', { scope: 'row' }, formatDay(day)),
          checkpoints.map((cp) => h('td', {}, at(cp, day).map((s) => h('div', { class: `print-shift${missing(s) ? ' gap' : ''}` },
            h('span', { class: 'when' }, `${formatTime(s.startsAt)}–${formatEnd(s.endsAt)} `),
            s.assignments.map((a) => a.name).join('、') || t('print.nobody'),
            missing(s) ? ` (${t('board.gapMarker', { count: missing(s) })})` : '')))))))),
      h('p', { class: 'print-contact', id: 'print-contact' }, t('print.contact', { name: me.name, phone: me.phone })),
      h('p', { class: 'print-rule small' }, t('print.rule')));
  } catch (e) {
    if (target === root) fill(root, h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}
