// The village's household register (户口 for passes): search by label, add, edit and delete a
// household, issue, reissue and revoke its pass, the village's outing limit, and the way to
// the printable sheet of pass cards.
import { h, fill } from '../dom.js';
import { t, formatDay, dayOf } from '../i18n.js';
import { errorText, formDialog, all } from '../ui.js';
import { ApiError } from '../api.js';

let root = null;
let search = '';

export function render(app) {
  root = h('section', { class: 'households-screen' }, h('h1', {}, t('households.title')), h('p', { class: 'small' }, t('common.loading')));
  load(app, root);
  return root;
}

async function load(app, target) {
  const village = app.session.account.placeId;
  try {
    const [place, households, limit] = await Promise.all([
      app.load(`/api/v1/places/${village}`),
      all(app, `/api/v1/villages/${village}/households`),
      app.load(`/api/v1/villages/${village}/outing-limit`).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null; // no limit set
        throw e;
      }),
    ]);
    if (target !== root) return;
    draw(app, village, place, households, limit);
  } catch (e) {
    if (target === root) fill(root, h('h1', {}, t('households.title')), h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

function draw(app, village, place, households, limit) {
  const reload = () => load(app, root);
  const list = h('ul', { class: 'household-list', id: 'households' });
  const count = h('p', { class: 'small', id: 'household-count', 'aria-live': 'polite' });
  const show = () => {
    const wanted = search.trim().toLowerCase();
    const shown = households
      .filter((hh) => !wanted || hh.label.toLowerCase().includes(wanted))
      .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
    count.textContent = t('households.count', { shown: shown.length, total: households.length });
    fill(list, shown.length === 0
      ? h('li', { class: 'empty' }, households.length ? t('households.noMatch') : t('households.none'))
      : shown.map((hh) => row(app, hh, limit, reload)));
  };
  const searchInput = h('input', {
    type: 'search', id: 'household-search', value: search, autocomplete: 'off',
    oninput: (e) => { search = e.target.value; show(); },
  });
  fill(root,
    h('h1', {}, t('households.title')),
    h('p', { class: 'small' }, place.name),
    h('div', { class: 'actions-row' },
      h('button', { type: 'button', class: 'primary', id: 'add-household', onclick: () => edit(app, village, null, reload) }, `+ ${t('households.add')}`),
      h('a', { class: 'button', id: 'print-cards', href: '/print/passes.html', target: '_blank', rel: 'noopener' }, t('households.printCards'))),
    limitForm(app, village, limit, reload),
    h('label', { for: 'household-search' }, t('households.search')),
    searchInput,
    count,
    list);
  show();
}

/** "N outings per M days", or none: the village's rule for every household's pass. */
function limitForm(app, village, limit, reload) {
  const outings = h('input', { type: 'number', id: 'limit-outings', min: 1, max: 100, inputmode: 'numeric', value: limit?.outings ?? '' });
  const days = h('input', { type: 'number', id: 'limit-days', min: 1, max: 60, inputmode: 'numeric', value: limit?.days ?? '' });
  const error = h('p', { class: 'form-error', role: 'alert', id: 'limit-error' });
  const save = async (body) => {
    error.textContent = '';
    try {
      if (body) await app.call(`/api/v1/villages/${village}/outing-limit`, { method: 'PUT', body });
      else await app.call(`/api/v1/villages/${village}/outing-limit`, { method: 'DELETE' });
      app.toast(t('households.limitSaved'));
      await reload();
    } catch (e) {
      error.textContent = errorText(e);
    }
  };
  return h('details', { class: 'outing-limit', id: 'outing-limit' },
    h('summary', {}, h('span', {}, t('households.limitTitle'), ' · '), h('span', { id: 'limit-now' }, limit
      ? t('households.limitNow', { outings: limit.outings, days: limit.days, since: formatDay(limit.since, { weekday: false }) })
      : t('households.limitNone'))),
    h('form', {
      onsubmit: (e) => {
        e.preventDefault();
        const n = Number(outings.value);
        const m = Number(days.value);
        if (!Number.isInteger(n) || n < 1 || n > 100 || !Number.isInteger(m) || m < 1 || m > 60) {
          error.textContent = t('households.limitInvalid');
          return;
        }
        save({ outings: n, days: m });
      },
    },
      h('div', { class: 'limit-fields' },
        h('div', {}, h('label', { for: 'limit-outings' }, t('households.limitOutings')), outings),
        h('div', {}, h('label', { for: 'limit-days' }, t('households.limitDays')), days)),
      error,
      h('div', { class: 'actions-row' },
        h('button', { type: 'submit', class: 'secondary', id: 'limit-save' }, t('households.limitSave')),
        limit ? h('button', { type: 'button', class: 'secondary', id: 'limit-remove', onclick: () => save(null) }, t('households.limitRemove')) : null)));
}

/** A pass's last day in the county's calendar, with the year: cards are valid for months. */
function dateOf(moment) {
  return formatDay(dayOf(moment), { weekday: false, year: true });
}

function passState(hh) {
  const pass = hh.pass;
  // A revoked pass reads as none: the household has no card that works.
  if (!pass || pass.revoked) return { kind: 'none', text: t('households.passNone') };
  if (Date.parse(pass.expiresAt) <= Date.now()) return { kind: 'expired', text: t('households.passExpired', { serial: pass.serial, date: dateOf(pass.expiresAt) }) };
  return { kind: 'valid', text: t('households.passValid', { serial: pass.serial, date: dateOf(pass.expiresAt) }) };
}

function row(app, hh, limit, reload) {
  const state = passState(hh);
  const live = state.kind === 'valid';
  return h('li', { class: 'household-row', 'data-household': hh.id },
    h('div', { class: 'row-head' },
      h('strong', { class: 'label' }, hh.label),
      h('span', { class: `tag pass-${state.kind}`, 'data-pass': state.kind }, state.text)),
    h('p', {}, t('households.headIs', { name: hh.head }), hh.phone ? ` · ${hh.phone}` : ''),
    hh.members?.length ? h('p', { class: 'small' }, t('households.membersAre', { names: hh.members.join('、') })) : null,
    limit && hh.periodStart ? h('p', { class: 'small outings' }, t('households.outings', {
      used: hh.outingsInPeriod ?? 0, outings: limit.outings, from: formatDay(hh.periodStart, { weekday: false }), to: formatDay(hh.periodEnd, { weekday: false }),
    })) : null,
    h('div', { class: 'actions-row' },
      h('button', { type: 'button', class: live ? 'secondary issue-pass' : 'primary issue-pass', onclick: () => issue(app, hh, live, reload) },
        live ? t('households.reissue') : t('households.issue')),
      live ? h('button', { type: 'button', class: 'danger revoke-pass', onclick: () => revoke(app, hh, reload) }, t('households.revoke')) : null,
      h('button', { type: 'button', class: 'secondary edit-household', onclick: () => edit(app, hh.villageId, hh, reload) }, t('households.edit')),
      h('button', { type: 'button', class: 'secondary delete-household', onclick: () => remove(app, hh, reload) }, t('households.delete'))));
}

/** Members are typed one per line (or separated by commas), kept as a list of names. */
export function membersFrom(text) {
  return String(text).split(/[\n,，、;；]+/).map((name) => name.trim()).filter(Boolean);
}

function edit(app, village, hh, reload) {
  return formDialog({
    title: hh ? t('households.editTitle', { label: hh.label }) : t('households.add'),
    fields: [
      { name: 'label', label: t('households.label'), required: true, maxlength: 50, value: hh?.label ?? '' },
      { name: 'head', label: t('households.head'), required: true, maxlength: 100, value: hh?.head ?? '' },
      { name: 'members', label: t('households.members'), type: 'textarea', maxlength: 2000, value: hh?.members?.join('\n') ?? '' },
      { name: 'phone', label: t('households.phone'), type: 'tel', inputmode: 'tel', maxlength: 32, value: hh?.phone ?? '' },
    ],
    confirm: hh ? t('households.save') : t('households.add'),
    submit: (v) => {
      const body = { label: v.label, head: v.head, members: membersFrom(v.members) };
      // A new household without a phone leaves it out; an edit sends "" to clear it.
      if (v.phone || hh) body.phone = v.phone;
      if (!hh) return app.call(`/api/v1/villages/${village}/households`, { method: 'POST', body });
      return app.call(`/api/v1/households/${hh.id}`, { method: 'PATCH', body, headers: { 'If-Match': `"${hh.version}"` } });
    },
  }).then(async (done) => {
    if (done) {
      app.toast(t('households.saved', { label: done.label }));
      await reload();
    }
  });
}

function issue(app, hh, reissue, reload) {
  return formDialog({
    title: reissue ? t('households.reissueTitle', { label: hh.label }) : t('households.issueTitle', { label: hh.label }),
    intro: reissue ? t('households.reissueIntro', { serial: hh.pass.serial }) : t('households.issueIntro'),
    fields: [{ name: 'validDays', label: t('households.validDays'), type: 'number', inputmode: 'numeric', required: true, value: '90', maxlength: 3 }],
    confirm: reissue ? t('households.reissue') : t('households.issue'),
    danger: reissue,
    submit: (v) => {
      const days = Number(v.validDays);
      if (!Number.isInteger(days) || days < 1 || days > 366) throw Object.assign(new Error('days'), { userMessage: t('households.validDaysInvalid') });
      return app.call(`/api/v1/households/${hh.id}/pass`, { method: 'POST', body: { validDays: days } });
    },
  }).then(async (done) => {
    if (done) {
      app.toast(t('households.issued', { label: hh.label }));
      await reload();
    }
  });
}

async function revoke(app, hh, reload) {
  if (!(await app.confirm(t('households.revokeConfirm', { label: hh.label, serial: hh.pass.serial }), t('households.revoke')))) return;
  try {
    await app.call(`/api/v1/households/${hh.id}/pass`, { method: 'DELETE' });
    app.toast(t('households.revoked', { label: hh.label }));
  } catch (e) {
    app.toast(errorText(e));
  }
  await reload();
}

async function remove(app, hh, reload) {
  if (!(await app.confirm(t('households.deleteConfirm', { label: hh.label }), t('households.delete')))) return;
  try {
    await app.call(`/api/v1/households/${hh.id}`, { method: 'DELETE' });
    app.toast(t('households.deleted', { label: hh.label }));
  } catch (e) {
    app.toast(errorText(e));
  }
  await reload();
}
