// Unsent entries: those waiting, and those the server did not accept (with its reason in the
// user's language) until a person corrects or discards them. Others' entries by name only.
import { h, fill } from '../dom.js';
import * as outbox from '../outbox.js';
import { t, formatTime, formatDateTime, problemText } from '../i18n.js';
import { entryLine } from './gate.js';

export function render(app) {
  const root = h('section', { class: 'outbox' });
  draw(app, root);
  return root;
}

export function update(app) {
  const root = document.querySelector('section.outbox');
  if (root) draw(app, root);
}

function draw(app, root) {
  const me = app.session.account.id;
  const mine = app.rows.filter((r) => r.recorderId === me && r.state !== 'SENT').sort((a, b) => a.recordedAt - b.recordedAt);
  const held = mine.filter((r) => r.state === 'HELD');
  const pending = mine.filter((r) => r.state === 'PENDING');
  const others = app.summary().others;
  const state = app.sendState;
  fill(root,
    h('h1', {}, t('outbox.title')),
    h('p', { class: 'small' }, state.lastSuccessAt ? t('outbox.lastSent', { time: formatDateTime(state.lastSuccessAt) })
      : t('status.neverSent')),
    state.lastProblem && pending.length
      ? h('p', { class: 'notice', role: 'status' }, t('outbox.refused', { reason: problemText(state.lastProblem, state.lastProblem.status) }))
      : null,
    pending.length && state.nextAttemptAt > Date.now()
      ? h('p', { class: 'small' }, t('outbox.nextTry', { time: formatTime(state.nextAttemptAt) })) : null,
    pending.length ? h('button', { type: 'button', class: 'primary big', id: 'send-now', onclick: () => app.send(true) },
      t('outbox.sendNow')) : null,
    mine.length === 0 ? h('p', { class: 'empty' }, t('outbox.empty')) : null,
    held.length ? h('h2', {}, t('outbox.held')) : null,
    held.length ? h('ul', { class: 'entries', id: 'held-list' }, held.map((r) => entryLine(r, h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => { app.editing = r; app.navigate('record'); } },
        t('outbox.edit')),
      h('button', {
        type: 'button', class: 'secondary', onclick: async () => { await outbox.retry(r); app.send(true); },
      }, t('outbox.retry')),
      h('button', {
        type: 'button', class: 'danger', onclick: async () => {
          if (await app.confirm(t('outbox.discardConfirm'), t('outbox.discard'))) await outbox.discard(r.id);
        },
      }, t('outbox.discard')))))) : null,
    pending.length ? h('h2', {}, t('outbox.pending')) : null,
    pending.length ? h('ul', { class: 'entries', id: 'pending-list' }, pending.map((r) => entryLine(r))) : null,
    others.length ? h('h2', {}, t('outbox.others')) : null,
    others.length ? h('ul', { class: 'others' }, others.map((o) => h('li', {},
      t('outbox.othersLine', { name: o.name, count: o.count })))) : null);
}
