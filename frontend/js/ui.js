// Pieces the cadre's and officials' screens share: CSV downloads, a dialog that asks for a
// few fields, errors in the user's language, and loading data into a section.
import { h, fill } from './dom.js';
import { ApiError } from './api.js';
import { t, problemText } from './i18n.js';

/** A failed call as a sentence in the user's language. */
export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.kind === 'network') return t('common.offlineAction');
    return problemText(error.problem, error.status);
  }
  return t('problem.unknown', { status: '?' });
}

/** "gatepost-summary-慶元縣-2026-03-01_2026-03-08.csv": what, where and when, safe on every system. */
export function fileName(what, place, from, to) {
  const clean = (text) => String(text).replace(/[\\/:*?"<>|\s]+/g, '-');
  const when = to ? `${from}_${to}` : from;
  return `gatepost-${[what, place, when].filter(Boolean).map(clean).join('-')}.csv`;
}

/** Fetches the API's CSV (with the sign-in) and saves it under the given name. */
export async function download(app, path, name) {
  const url = `${path}${path.includes('?') ? '&' : '?'}format=csv`;
  let response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'text/csv', Authorization: `Bearer ${app.session.token}` }, cache: 'no-store', credentials: 'omit',
    });
  } catch {
    throw new ApiError('network');
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* no details */ }
    throw new ApiError('http', response.status, problem);
  }
  const blob = await response.blob();
  const link = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
}

/** A button that downloads a CSV, saying so if it fails. */
export function csvButton(app, label, path, name, id) {
  const button = h('button', {
    type: 'button', class: 'secondary csv', id, 'aria-label': label,
    onclick: async () => {
      button.disabled = true;
      try {
        await download(app, path(), name());
      } catch (e) {
        app.toast(errorText(e));
      } finally {
        button.disabled = false;
      }
    },
  }, '⤓ CSV');
  button.title = label;
  return button;
}

/**
 * A modal form: fields [{name, label, type, value, options, required, maxlength}]; resolves
 * the values, or null when cancelled. `submit(values)` may throw to keep it open with the error.
 */
export function formDialog({ title, intro, fields, confirm, danger = false, submit }) {
  return new Promise((resolve) => {
    const error = h('p', { class: 'form-error', role: 'alert' });
    const inputs = {};
    const dialog = h('dialog', { class: 'confirm form', 'aria-labelledby': 'dialog-title' });
    const close = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    const form = h('form', {
      method: 'dialog',
      onsubmit: async (event) => {
        event.preventDefault();
        const values = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value.trim()]));
        const missing = fields.find((f) => f.required && !values[f.name]);
        if (missing) {
          error.textContent = t('common.required', { field: missing.label });
          inputs[missing.name].focus();
          return;
        }
        if (submit) {
          try {
            await submit(values);
          } catch (e) {
            error.textContent = e.userMessage || errorText(e);
            return;
          }
        }
        close(values);
      },
    },
    h('h2', { id: 'dialog-title' }, title),
    intro ? h('p', {}, intro) : null,
    fields.map((f) => {
      const id = `dialog-${f.name}`;
      const input = f.options
        ? h('select', { id, name: f.name }, f.options.map((o) => h('option', { value: o.value, selected: o.value === f.value }, o.label)))
        : h(f.type === 'textarea' ? 'textarea' : 'input', {
          id, name: f.name, type: f.type === 'textarea' ? null : (f.type || 'text'), value: f.value ?? '',
          maxlength: f.maxlength, rows: f.type === 'textarea' ? 3 : null, autocomplete: f.autocomplete || 'off',
          inputmode: f.inputmode,
        });
      inputs[f.name] = input;
      return [h('label', { for: id }, f.label), input];
    }),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => close(null) }, t('common.cancel')),
      h('button', { type: 'submit', class: danger ? 'danger' : 'primary', id: 'dialog-ok' }, confirm)));
    dialog.append(form);
    dialog.addEventListener('cancel', () => close(null));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Loads with `load()` and draws with `draw(data)` into root, showing loading and errors. */
export async function loadInto(root, load, draw) {
  try {
    const data = await load();
    draw(data);
  } catch (e) {
    fill(root, h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

/** A figure tile: a big number and its label. */
export function figure(label, value, id, kind) {
  return h('div', { class: `figure${kind ? ` figure-${kind}` : ''}` },
    h('span', { class: 'value', id }, value), h('span', { class: 'label' }, label));
}

/** Reads every page of a list (at most `max` items). */
export async function all(app, path, max = 2000) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await app.load(`${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}
