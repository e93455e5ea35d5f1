// Dashboard keys: a county or township dashboard system reads the statistics with one. The
// secret is shown once, with a copy button and a curl example; keys are listed and revoked.
import { h, fill } from '../dom.js';
import { t, formatDateTime, formatDay } from '../i18n.js';
import * as dates from '../dates.js';
import { errorText, all } from '../ui.js';

let root = null;

/** The curl command that reads the summary with a key. */
export function curlExample(origin, key, placeId, from, to) {
  return `curl -H "Authorization: Bearer ${key}" "${origin}/api/v1/stats/summary?placeId=${placeId}&from=${from}&to=${to}"`;
}

export function render(app) {
  root = h('section', { class: 'keys-screen' }, h('h1', {}, t('keys.title')), h('p', { class: 'small' }, t('common.loading')));
  load(app, root, null);
  return root;
}

async function load(app, target, created) {
  try {
    const home = app.session.account.placeId;
    const [keys, homePlace, children] = await Promise.all([
      all(app, '/api/v1/api-keys'),
      home ? app.load(`/api/v1/places/${home}`) : Promise.resolve(null),
      app.load(home ? `/api/v1/places?parentId=${home}&limit=500` : '/api/v1/places?limit=500'),
    ]);
    if (target !== root) return;
    const places = [homePlace, ...children.items].filter(Boolean);
    const names = new Map(places.map((p) => [p.id, p.name]));
    const name = h('input', { id: 'key-name', maxlength: 100, required: true, placeholder: t('keys.namePlaceholder') });
    const place = h('select', { id: 'key-place' }, places.map((p) => h('option', { value: p.id }, p.name)));
    const expires = h('input', { type: 'date', id: 'key-expires', value: dates.addDays(dates.today(), 90), max: dates.addDays(dates.today(), 364) });
    const error = h('p', { class: 'form-error', role: 'alert', id: 'key-error' });
    fill(root,
      h('h1', {}, t('keys.title')),
      h('p', {}, t('keys.intro')),
      created ? secret(created, names) : null,
      h('h2', {}, t('keys.create')),
      h('form', {
        class: 'key-form', onsubmit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          if (!name.value.trim()) { error.textContent = t('common.required', { field: t('keys.name') }); return; }
          try {
            const key = await app.call('/api/v1/api-keys', {
              method: 'POST', body: { name: name.value.trim(), placeId: place.value, expiresAt: dates.localMoment(expires.value, '24:00') },
            });
            await load(app, root, key);
          } catch (err) {
            error.textContent = errorText(err);
          }
        },
      },
      h('label', { for: 'key-name' }, t('keys.name')), name,
      h('label', { for: 'key-place' }, t('keys.place')), place,
      h('label', { for: 'key-expires' }, t('keys.expires')), expires,
      error,
      h('button', { type: 'submit', class: 'primary', id: 'key-create' }, t('keys.createGo'))),
      h('h2', {}, t('keys.list')),
      keys.length === 0 ? h('p', { class: 'small' }, t('keys.none'))
        : h('ul', { class: 'key-list', id: 'key-list' }, keys.map((k) => h('li', { class: `key-row${k.revoked ? ' revoked' : ''}`, 'data-key': k.id },
          h('div', {}, h('strong', {}, k.name), ' · ', names.get(k.placeId) ?? ''),
          h('p', { class: 'small' }, t('keys.made', { time: formatDateTime(k.createdAt) }), ' · ',
            k.revoked ? h('span', { class: 'tag off' }, t('keys.revoked')) : t('keys.until', { day: formatDay(k.expiresAt.slice(0, 10)) })),
          k.revoked ? null : h('button', {
            type: 'button', class: 'danger revoke', 'aria-label': t('keys.revokeName', { name: k.name }),
            onclick: async () => {
              if (!(await app.confirm(t('keys.revokeConfirm', { name: k.name }), t('keys.revoke')))) return;
              try {
                await app.call(`/api/v1/api-keys/${k.id}`, { method: 'DELETE' });
                app.toast(t('keys.revokedDone', { name: k.name }));
                await load(app, root, null);
              } catch (err) {
                app.toast(errorText(err));
              }
            },
          }, t('keys.revoke'))))));
  } catch (e) {
    if (target === root) fill(root, h('h1', {}, t('keys.title')), h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

function secret(key, names) {
  const today = dates.today();
  const example = curlExample(location.origin, key.key, key.placeId, dates.addDays(today, -6), dates.addDays(today, 1));
  const copy = (text) => async () => {
    try {
      await navigator.clipboard.writeText(text);
      document.getElementById('copy-state').textContent = t('keys.copied');
    } catch {
      document.getElementById('copy-state').textContent = t('keys.copyFailed');
    }
  };
  return h('div', { class: 'secret', role: 'status', id: 'new-key-box' },
    h('p', {}, h('strong', {}, t('keys.once', { name: key.name, place: names.get(key.placeId) ?? '' }))),
    h('code', { class: 'secret-value', id: 'new-key' }, key.key),
    h('div', { class: 'actions-row' },
      h('button', { type: 'button', class: 'primary', id: 'copy-key', onclick: copy(key.key) }, t('keys.copy')),
      h('button', { type: 'button', class: 'secondary', id: 'copy-curl', onclick: copy(example) }, t('keys.copyCurl')),
      h('span', { id: 'copy-state', role: 'status' })),
    h('p', { class: 'small' }, t('keys.curlIntro')),
    h('pre', { class: 'curl', id: 'curl-example' }, example));
}
