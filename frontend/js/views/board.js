// The cadre's roster board: a week of checkpoints × days × shifts, each showing assigned
// versus needed and who, gaps marked in colour and in words. Assign and unassign from a
// shift, add, move and cancel shifts, edit the village's day plan and generate from it.
import { h, fill } from '../dom.js';
import { t, formatDay, formatTime, formatEnd, formatNumber } from '../i18n.js';
import * as dates from '../dates.js';
import { errorText, formDialog, all } from '../ui.js';

let state = null;

/** Shifts overlapping [start, end) in which the volunteer is assigned, other than `except`. */
export function overlapping(shifts, volunteerId, start, end, except) {
  const s = Date.parse(start);
  const e = Date.parse(end);
  return shifts.filter((shift) => shift.id !== except && Date.parse(shift.startsAt) < e && s < Date.parse(shift.endsAt)
    && shift.assignments.some((a) => a.volunteerId === volunteerId));
}

/** The volunteers who may be offered for a shift: active, not on it, not on an overlapping one. */
export function offerable(volunteers, shifts, shift) {
  return volunteers.filter((v) => v.active && !shift.assignments.some((a) => a.volunteerId === v.id)
    && overlapping(shifts, v.id, shift.startsAt, shift.endsAt, shift.id).length === 0);
}

/** How many more people a shift needs (0 when full). */
export function missing(shift) {
  return Math.max(0, shift.minStaff - shift.assignments.length);
}

export function render(app) {
  const requested = app.params().get('week');
  const monday = dates.mondayOf(dates.isDay(requested) ? requested : dates.today());
  const root = h('section', { class: 'board-screen' }, h('h1', {}, t('board.title')), h('p', { class: 'small' }, t('common.loading')));
  state = { app, root, monday, village: app.session.account.placeId, showTemplates: app.params().get('plan') === '1' };
  load(state);
  return root;
}

async function load(s) {
  try {
    const [places, shifts, people, templates] = await Promise.all([
      s.app.load(`/api/v1/places?parentId=${s.village}&limit=500`),
      // a day either side, so that a volunteer on an overlapping shift next to the week is known
      all(s.app, `/api/v1/shifts?placeId=${s.village}&from=${dates.addDays(s.monday, -1)}&to=${dates.addDays(s.monday, 8)}`),
      all(s.app, `/api/v1/accounts?placeId=${s.village}`),
      s.app.load(`/api/v1/villages/${s.village}/shift-templates`),
    ]);
    if (state !== s) return;
    s.checkpoints = places.items.filter((p) => p.kind === 'CHECKPOINT' && p.active);
    s.shifts = shifts;
    s.volunteers = people.filter((p) => p.role === 'VOLUNTEER');
    s.templates = templates;
    draw(s);
  } catch (e) {
    if (state === s) fill(s.root, h('h1', {}, t('board.title')), h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

function weekShifts(s) {
  const end = dates.addDays(s.monday, 7);
  return s.shifts.filter((shift) => localDay(shift.startsAt) >= s.monday && localDay(shift.startsAt) < end);
}

function localDay(moment) {
  // The county's day of a moment: the API gives moments with the county's offset.
  return String(moment).slice(0, 10);
}

function draw(s) {
  const days = Array.from({ length: 7 }, (_, i) => dates.addDays(s.monday, i));
  const shifts = weekShifts(s);
  const gaps = shifts.reduce((n, shift) => n + missing(shift), 0);
  const go = (monday) => s.app.go('board', { week: monday });
  fill(s.root,
    h('h1', {}, t('board.title')),
    h('p', { class: 'week-title', id: 'week-title' }, t('board.week', { from: formatDay(days[0]), to: formatDay(days[6]) })),
    h('nav', { class: 'week-nav', 'aria-label': t('board.weeks') },
      h('button', { type: 'button', class: 'secondary', id: 'prev-week', onclick: () => go(dates.addDays(s.monday, -7)) }, `‹ ${t('board.prev')}`),
      h('button', { type: 'button', class: 'secondary', onclick: () => go(dates.mondayOf(dates.today())) }, t('board.thisWeek')),
      h('button', { type: 'button', class: 'secondary', id: 'next-week', onclick: () => go(dates.addDays(s.monday, 7)) }, `${t('board.next')} ›`),
      h('a', { class: 'button', href: `#/print?week=${s.monday}`, id: 'print-link' }, t('board.print'))),
    h('p', { class: 'board-summary', id: 'board-summary' }, shifts.length === 0 ? t('board.empty')
      : t('board.summary', { shifts: formatNumber(shifts.length), gaps: formatNumber(gaps) })),
    h('div', { class: 'actions-row' },
      h('button', { type: 'button', class: 'primary', id: 'generate', onclick: () => generate(s) }, t('board.generate')),
      h('button', {
        type: 'button', class: 'secondary', id: 'toggle-plan', 'aria-expanded': String(s.showTemplates), 'aria-controls': 'plan',
        onclick: () => { s.showTemplates = !s.showTemplates; draw(s); },
      }, t('plan.title'))),
    s.showTemplates ? plan(s) : null,
    h('p', { class: 'legend small' }, h('span', { class: 'shift-legend gap' }, t('board.gapMarker', { count: 1 })), ' ',
      t('board.legendGap'), ' · ', h('span', { class: 'shift-legend full' }, '✓'), ' ', t('board.legendFull')),
    s.checkpoints.length === 0 ? h('p', { class: 'empty' }, t('now.noGates'))
      : h('div', { class: 'board', id: 'board' }, days.map((day) => h('section', { class: 'day', 'aria-labelledby': `day-${day}` },
        h('h2', { id: `day-${day}`, class: day === dates.today() ? 'today' : null }, formatDay(day)),
        s.checkpoints.map((cp) => h('div', { class: 'cp', 'data-checkpoint': cp.id },
          h('h3', {}, cp.name),
          shifts.filter((x) => x.checkpointId === cp.id && localDay(x.startsAt) === day)
            .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
            .map((shift) => shiftButton(s, shift)),
          h('button', {
            type: 'button', class: 'link add-shift', 'aria-label': t('board.addAt', { gate: cp.name, day: formatDay(day) }),
            onclick: () => addShift(s, cp, day),
          }, `+ ${t('board.add')}`)))))));
}

function shiftButton(s, shift) {
  const need = missing(shift);
  const names = shift.assignments.map((a) => a.name);
  const when = `${formatTime(shift.startsAt)}–${formatEnd(shift.endsAt)}`;
  const status = need === 0 ? '✓' : t('board.gapMarker', { count: need });
  return h('button', {
    type: 'button', class: `shift ${need ? (shift.assignments.length ? 'gap' : 'gap empty-shift') : 'full'}`,
    'data-shift': shift.id, 'data-missing': need,
    'aria-label': t('board.shiftLabel', { when, assigned: shift.assignments.length, needed: shift.minStaff, names: names.join('、') || '—', status }),
    onclick: () => openShift(s, shift.id),
  },
  h('span', { class: 'when' }, when),
  h('span', { class: 'count' }, `${shift.assignments.length}/${shift.minStaff}`),
  h('span', { class: 'marker' }, status),
  names.length ? h('span', { class: 'names' }, names.join('、')) : null);
}

/** The shift's dialog: who is on it, assign one more, unassign, move, cancel. */
function openShift(s, shiftId) {
  const dialog = h('dialog', { class: 'confirm shift-dialog', 'aria-labelledby': 'shift-title' });
  const message = h('p', { class: 'form-error', role: 'alert', id: 'shift-error' });
  const close = () => { dialog.close(); dialog.remove(); };
  dialog.addEventListener('cancel', close);

  const refresh = async (text) => {
    await load(s);
    const shift = s.shifts.find((x) => x.id === shiftId);
    if (!shift) { close(); return; }
    paint(shift);
    message.textContent = text || '';
  };

  const act = async (run, onConflict) => {
    message.textContent = '';
    try {
      await run();
      await refresh();
    } catch (e) {
      if (e.status === 409 && onConflict) {
        await refresh();
        message.textContent = onConflict(e);
      } else {
        message.textContent = errorText(e);
      }
    }
  };

  const paint = (shift) => {
    const cp = s.checkpoints.find((c) => c.id === shift.checkpointId);
    const offer = offerable(s.volunteers, s.shifts, shift);
    const select = h('select', { id: 'assign-volunteer', 'aria-label': t('board.chooseVolunteer') },
      offer.map((v) => h('option', { value: v.id }, v.name)));
    const start = h('input', { type: 'time', id: 'shift-start', value: dates.clockOf(shift.startsAt) });
    const end = h('input', { type: 'time', id: 'shift-end', value: dates.clockOf(shift.endsAt) });
    const day = h('input', { type: 'date', id: 'shift-day', value: localDay(shift.startsAt) });
    const staff = h('input', { type: 'number', id: 'shift-min', min: 0, max: 50, value: String(shift.minStaff), inputmode: 'numeric' });
    fill(dialog,
      h('h2', { id: 'shift-title' }, `${cp?.name ?? ''} · ${formatDay(localDay(shift.startsAt))} ${formatTime(shift.startsAt)}–${formatEnd(shift.endsAt)}`),
      h('p', { class: missing(shift) ? 'gap-text' : 'ok-text' }, t('board.staffed', { assigned: shift.assignments.length, needed: shift.minStaff }),
        missing(shift) ? ` · ${t('board.gapMarker', { count: missing(shift) })}` : ''),
      h('h3', {}, t('board.assigned')),
      shift.assignments.length === 0 ? h('p', { class: 'small' }, t('board.nobody'))
        : h('ul', { class: 'people', id: 'assigned' }, shift.assignments.map((a) => h('li', { class: 'person-row' },
          h('span', {}, a.name, ' · ', h('span', { class: `state state-${a.status.toLowerCase()}` }, t(`status.${a.status}`))),
          h('button', {
            type: 'button', class: 'secondary unassign', 'data-volunteer': a.volunteerId,
            'aria-label': t('board.unassignName', { name: a.name }),
            onclick: () => act(() => s.app.call(`/api/v1/shifts/${shift.id}/assignments/${a.volunteerId}`, { method: 'DELETE' })),
          }, t('board.unassign'))))),
      h('h3', {}, t('board.assignOne')),
      offer.length === 0 ? h('p', { class: 'small' }, t('board.noneFree'))
        : h('div', { class: 'assign-row' }, select, h('button', {
          type: 'button', class: 'primary', id: 'assign',
          onclick: () => {
            const volunteer = s.volunteers.find((v) => v.id === select.value);
            return act(() => s.app.call(`/api/v1/shifts/${shift.id}/assignments/${volunteer.id}`, { method: 'PUT' }),
              (e) => raceExplained(s, volunteer, shift, e));
          },
        }, t('board.assign'))),
      h('p', { class: 'small' }, t('board.notOffered')),
      message,
      h('details', { class: 'move' },
        h('summary', {}, t('board.move')),
        h('label', { for: 'shift-day' }, t('board.day')), day,
        h('div', { class: 'pair' },
          h('div', {}, h('label', { for: 'shift-start' }, t('plan.start')), start),
          h('div', {}, h('label', { for: 'shift-end' }, t('plan.end')), end)),
        h('label', { for: 'shift-min' }, t('plan.minStaff')), staff,
        h('button', {
          type: 'button', class: 'primary', id: 'shift-save',
          onclick: () => act(() => s.app.call(`/api/v1/shifts/${shift.id}`, {
            method: 'PATCH', body: { ...span(day.value, start.value, end.value), minStaff: Number(staff.value) },
          }), (e) => errorText(e)),
        }, t('board.save'))),
      h('div', { class: 'actions' },
        h('button', {
          type: 'button', class: 'danger', id: 'shift-cancel',
          onclick: async () => {
            if (!(await s.app.confirm(t('board.cancelConfirm'), t('board.cancelShift')))) return;
            try {
              await s.app.call(`/api/v1/shifts/${shift.id}`, { method: 'DELETE' });
              close();
              s.app.toast(t('board.cancelled'));
              await load(s);
            } catch (e) {
              message.textContent = errorText(e);
            }
          },
        }, t('board.cancelShift')),
        h('button', { type: 'button', class: 'secondary', id: 'shift-close', onclick: close }, t('common.close'))));
  };

  paint(s.shifts.find((x) => x.id === shiftId));
  document.body.append(dialog);
  dialog.showModal();
}

/** A 409 on assigning: somebody else put the volunteer on an overlapping shift meanwhile. */
function raceExplained(s, volunteer, shift, error) {
  const clash = overlapping(s.shifts, volunteer.id, shift.startsAt, shift.endsAt, shift.id)[0];
  if (clash) {
    const gate = s.checkpoints.find((c) => c.id === clash.checkpointId)?.name ?? clash.checkpointName;
    return t('board.race', {
      name: volunteer.name, gate, when: `${formatDay(localDay(clash.startsAt))} ${formatTime(clash.startsAt)}–${formatEnd(clash.endsAt)}`,
    });
  }
  return t('board.conflict', { detail: error.problem?.detail ?? '' });
}

/** Start and end of a shift from a day and two clock times; an end at or before the start is the next day. */
export function span(day, start, end) {
  const startsAt = dates.localMoment(day, start);
  const endDay = end <= start ? dates.addDays(day, 1) : day;
  return { startsAt, endsAt: end === '00:00' ? dates.localMoment(day, '24:00') : dates.localMoment(endDay, end) };
}

async function addShift(s, cp, day) {
  const first = s.templates[0];
  const done = await formDialog({
    title: t('board.addAt', { gate: cp.name, day: formatDay(day) }),
    fields: [
      { name: 'start', label: t('plan.start'), type: 'time', value: first?.start ?? '06:00', required: true },
      { name: 'end', label: t('plan.end'), type: 'time', value: first?.end === '24:00' ? '00:00' : (first?.end ?? '12:00'), required: true },
      { name: 'minStaff', label: t('plan.minStaff'), type: 'number', value: String(first?.minStaff ?? 2), required: true, inputmode: 'numeric' },
    ],
    confirm: t('board.add'),
    submit: (v) => s.app.call('/api/v1/shifts', {
      method: 'POST', body: { checkpointId: cp.id, ...span(day, v.start, v.end), minStaff: Number(v.minStaff) },
    }),
  });
  if (done) {
    s.app.toast(t('board.added'));
    await load(s);
  }
}

async function generate(s) {
  const done = await formDialog({
    title: t('board.generate'),
    intro: t('board.generateIntro', { plan: s.templates.map((p) => `${p.name} ${p.start}–${p.end}`).join('，') }),
    fields: [
      { name: 'from', label: t('range.from'), type: 'date', value: s.monday, required: true },
      { name: 'to', label: t('range.toInclusive'), type: 'date', value: dates.addDays(s.monday, 6), required: true },
    ],
    confirm: t('board.generateGo'),
    submit: async (v) => {
      const answer = await s.app.call(`/api/v1/villages/${s.village}/roster/generate`, {
        method: 'POST', body: { from: v.from, to: dates.addDays(v.to, 1) },
      });
      s.app.toast(t('board.generated', { count: answer.created }));
    },
  });
  if (done) await load(s);
}

/** The village's day plan ("three groups from morning to night"), edited in place. */
function plan(s) {
  const rows = s.templates.map((p) => ({ ...p }));
  const error = h('p', { class: 'form-error', role: 'alert' });
  const body = h('div', { class: 'plan-rows' });
  const paintRows = () => fill(body, rows.map((row, i) => h('fieldset', { class: 'plan-row' },
    h('legend', {}, t('plan.shiftN', { n: i + 1 })),
    field(`plan-name-${i}`, t('plan.name'), h('input', { id: `plan-name-${i}`, value: row.name, maxlength: 50, oninput: (e) => { row.name = e.target.value; } })),
    field(`plan-start-${i}`, t('plan.start'), h('input', { id: `plan-start-${i}`, type: 'time', value: row.start, oninput: (e) => { row.start = e.target.value; } })),
    field(`plan-end-${i}`, t('plan.end'), h('input', {
      id: `plan-end-${i}`, type: 'time', value: row.end === '24:00' ? '00:00' : row.end, oninput: (e) => { row.end = e.target.value; },
    })),
    field(`plan-min-${i}`, t('plan.minStaff'), h('input', {
      id: `plan-min-${i}`, type: 'number', min: 1, max: 50, value: String(row.minStaff), inputmode: 'numeric',
      oninput: (e) => { row.minStaff = Number(e.target.value); },
    })),
    h('button', { type: 'button', class: 'link', onclick: () => { rows.splice(i, 1); paintRows(); } }, t('plan.remove')))));
  paintRows();
  return h('section', { class: 'plan', id: 'plan' },
    h('h2', {}, t('plan.title')),
    h('p', { class: 'small' }, t('plan.intro')),
    body,
    h('div', { class: 'actions-row' },
      h('button', {
        type: 'button', class: 'secondary', id: 'plan-add',
        onclick: () => {
          const last = rows[rows.length - 1];
          rows.push({ name: t('plan.newName'), start: last ? (last.end === '24:00' ? '00:00' : last.end) : '06:00', end: '00:00', minStaff: 2 });
          paintRows();
        },
      }, `+ ${t('plan.addShift')}`),
      h('button', {
        type: 'button', class: 'primary', id: 'plan-save',
        onclick: async () => {
          error.textContent = '';
          try {
            s.templates = await s.app.call(`/api/v1/villages/${s.village}/shift-templates`, {
              method: 'PUT',
              body: rows.map((r) => ({ name: r.name.trim(), start: r.start, end: r.end === '00:00' ? '24:00' : r.end, minStaff: Number(r.minStaff) })),
            });
            s.app.toast(t('plan.saved'));
            draw(s);
          } catch (e) {
            error.textContent = errorText(e);
          }
        },
      }, t('plan.save'))),
    error);
}

function field(id, label, input) {
  return h('div', { class: 'plan-field' }, h('label', { for: id }, label), input);
}
