// The cadre's open alerts (red code, yellow code, fever), arriving live without a reload,
// each acknowledged with a note of what was done; the last acknowledged below.
import { h, fill } from '../dom.js';
import { t, formatDateTime, formatTemperature } from '../i18n.js';
import { errorText } from '../ui.js';

let root = null;

export function render(app) {
  root = h('section', { class: 'alerts' }, h('h1', {}, t('alerts.title')), h('p', { class: 'small' }, t('common.loading')));
  load(app);
  return root;
}

export function live(app) {
  if (root?.isConnected && !root.querySelector('textarea:focus')) load(app);
}

async function load(app) {
  const target = root;
  const village = app.session.account.placeId;
  try {
    const [open, done, places] = await Promise.all([
      app.load(`/api/v1/alerts?placeId=${village}&status=OPEN&limit=100`),
      app.load(`/api/v1/alerts?placeId=${village}&status=ACKNOWLEDGED&limit=10`),
      app.load(`/api/v1/places?parentId=${village}&limit=500`),
    ]);
    const names = new Map(places.items.map((p) => [p.id, p.name]));
    const entries = new Map((await Promise.all(open.items.map((a) => app.load(`/api/v1/entries/${a.entryId}`).catch(() => null))))
      .filter(Boolean).map((e) => [e.id, e]));
    if (target !== root) return;
    fill(root,
      h('h1', {}, t('alerts.title')),
      h('p', { class: 'small live-state' }, document.body.dataset.live === 'live' ? t('alerts.live') : t('alerts.polling')),
      open.items.length === 0 ? h('p', { class: 'empty', id: 'no-alerts' }, t('alerts.none'))
        : h('ul', { class: 'alert-list', id: 'open-alerts' }, open.items.map((a) => openAlert(app, a, names, entries.get(a.entryId)))),
      h('h2', {}, t('alerts.done')),
      done.items.length === 0 ? h('p', { class: 'small' }, t('alerts.noneDone'))
        : h('ul', { class: 'alert-list done', id: 'done-alerts' }, done.items.map((a) => h('li', { class: 'alert done' },
          h('p', {}, h('strong', {}, t(`alert.${a.kind}`)), ' · ', names.get(a.placeId) ?? '', ' · ', formatDateTime(a.raisedAt)),
          h('p', { class: 'small' }, t('alerts.acknowledgedAt', { time: formatDateTime(a.acknowledgedAt) }),
            a.note ? ` · ${a.note}` : '')))));
  } catch (e) {
    if (target === root) fill(root, h('h1', {}, t('alerts.title')), h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

function openAlert(app, a, names, entry) {
  const noteId = `note-${a.id}`;
  const note = h('textarea', { id: noteId, rows: 2, maxlength: 500 });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', {
    type: 'button', class: 'primary acknowledge',
    onclick: async () => {
      button.disabled = true;
      error.textContent = '';
      try {
        await app.call(`/api/v1/alerts/${a.id}/acknowledge`, { method: 'POST', body: { note: note.value.trim() || null } });
        app.toast(t('alerts.acknowledged'));
        await load(app);
        app.refreshAlerts();
      } catch (e) {
        error.textContent = errorText(e);
        button.disabled = false;
      }
    },
  }, t('alerts.acknowledge'));
  return h('li', { class: `alert alert-${a.kind.toLowerCase()}`, 'data-alert': a.id },
    h('p', { class: 'alert-head' }, h('strong', { class: 'alert-kind' }, '⚠ ', t(`alert.${a.kind}`)), ' ',
      h('span', {}, names.get(a.placeId) ?? ''), ' · ', h('time', { datetime: a.raisedAt }, formatDateTime(a.raisedAt))),
    entry ? h('p', {}, t(`code.${entry.healthCode}`),
      entry.temperature != null ? ` · ${formatTemperature(entry.temperature)}` : '',
      ` · ${t(`decided.${entry.decision}`)} · `, entry.resident ? t('person.resident') : t('person.visitor'),
      entry.visitor?.origin ? ` (${entry.visitor.origin})` : '') : null,
    h('label', { for: noteId }, t('alerts.note')), note, error, button);
}
