// My shift now (gate, time, who else is on, the previous shift's handover), check-in and
// check-out with a handover note, and my upcoming shifts. Shown from the last load offline.
import { h, fill } from '../dom.js';
import * as db from '../db.js';
import * as clock from '../clock.js';
import { t, formatTime, formatDateTime, problemText } from '../i18n.js';

const CHECK_IN_OPENS_MS = 30 * 60_000;

/**
 * The shift that is on now (or opens for check-in within 30 minutes), else null: the one I am
 * on duty for first, then one still to check in to, then one I have already checked out of.
 */
export function currentShift(shifts, now) {
  const at = now.getTime();
  const open = shifts.filter((s) => Date.parse(s.startsAt) - CHECK_IN_OPENS_MS <= at && at < Date.parse(s.endsAt));
  return shifts.find((s) => s.status === 'ON_DUTY')
    ?? open.find((s) => s.status !== 'DONE')
    ?? open[0]
    ?? null;
}

let cache = null;

export function render(app) {
  const root = h('section', { class: 'shift' }, h('h1', {}, t('shift.title')), h('p', { class: 'small' }, t('common.loading')));
  load(app, root);
  return root;
}

async function load(app, root) {
  cache = (await db.getValue('shifts')) || { items: [], loadedAt: 0 };
  draw(app, root, true);
  try {
    const fresh = await app.load('/api/v1/me/shifts');
    cache = { items: fresh.items, loadedAt: Date.now() };
    await db.setValue('shifts', cache);
    draw(app, root, false);
  } catch {
    // Offline: the last load stays on screen, with its time.
  }
}

function draw(app, root, stale) {
  const now = clock.now();
  const current = currentShift(cache.items, now);
  const upcoming = cache.items.filter((s) => s !== current && Date.parse(s.startsAt) > now.getTime());
  fill(root,
    h('h1', {}, t('shift.title')),
    stale && cache.loadedAt ? h('p', { class: 'small' }, t('shift.offline', { time: formatDateTime(cache.loadedAt) })) : null,
    current ? currentCard(app, root, current) : h('p', { class: 'empty' }, t('shift.none')),
    h('h2', {}, t('shift.upcoming')),
    upcoming.length === 0 ? h('p', { class: 'small' }, t('shift.noneUpcoming'))
      : h('ul', { class: 'shifts' }, upcoming.map((s) => h('li', {},
        h('strong', {}, s.checkpointName), ' ', h('span', {}, span(s)),
        h('span', { class: 'small' }, ` · ${t('shift.needed', { count: s.minStaff })}`)))));
}

function span(s) {
  return `${formatDateTime(s.startsAt)}–${formatTime(s.endsAt)}`;
}

function currentCard(app, root, s) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const note = h('textarea', { id: 'handover', maxlength: 500, rows: 3 });
  const act = async (path, body) => {
    error.textContent = '';
    try {
      const updated = await app.call(`/api/v1/shifts/${s.id}/${path}`, { method: 'POST', body });
      cache.items = cache.items.map((item) => (item.id === updated.id ? updated : item));
      await db.setValue('shifts', cache);
      draw(app, root, false);
    } catch (e) {
      error.textContent = e.kind === 'network' ? t('shift.needsNetwork') : problemText(e.problem, e.status);
    }
  };
  return h('article', { class: 'card current', id: 'current-shift' },
    h('p', { class: 'eyebrow' }, t('shift.now'), ' · ', h('span', { class: `state state-${s.status.toLowerCase()}` },
      t(`status.${s.status}`))),
    h('h2', {}, s.checkpointName),
    h('p', { class: 'when' }, span(s)),
    s.checkedInAt ? h('p', {}, t('shift.checkedIn', { time: formatTime(s.checkedInAt) })) : null,
    s.checkedOutAt ? h('p', {}, t('shift.checkedOut', { time: formatTime(s.checkedOutAt) })) : null,
    s.handoverNote ? h('p', { class: 'small' }, t('shift.yourNote', { note: s.handoverNote })) : null,
    h('h3', {}, t('shift.colleagues')),
    s.colleagues?.length ? h('ul', { class: 'people' }, s.colleagues.map((c) => h('li', {}, c.name, ' · ',
      h('span', { class: `state state-${c.status.toLowerCase()}` }, t(`status.${c.status}`)))))
      : h('p', { class: 'small' }, t('shift.alone')),
    h('h3', {}, t('shift.handoverFrom')),
    s.handoverFromPrevious?.length ? h('ul', { class: 'handovers' }, s.handoverFromPrevious.map((n) => h('li', {},
      h('q', {}, n.note), h('span', { class: 'small' }, ` — ${n.name}, ${formatTime(n.at)}`))))
      : h('p', { class: 'small' }, t('shift.noHandover')),
    error,
    !s.checkedInAt ? h('button', { type: 'button', class: 'primary big', id: 'check-in', onclick: () => act('check-in') },
      t('shift.checkIn')) : null,
    s.checkedInAt && !s.checkedOutAt ? h('div', { class: 'checkout' },
      h('label', { for: 'handover' }, t('shift.handoverNote')), note,
      h('button', {
        type: 'button', class: 'primary big', id: 'check-out',
        onclick: () => act('check-out', { handoverNote: note.value.trim() || null }),
      }, t('shift.checkOut'))) : null);
}
