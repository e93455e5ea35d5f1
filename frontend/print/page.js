// What the printable pages share: the cadre's sign-in kept by the app on this device, the
// app's language, and calls to the API with that sign-in.
import * as session from '../js/session.js';
import { request } from '../js/api.js';
import { t, initLanguage } from '../js/i18n.js';
import { h, fill } from '../js/dom.js';
import { errorText } from '../js/ui.js';

/**
 * Starts a printable page: the app's language, the sign-in. Resolves {account, load, call}
 * or null after saying on the page that the app's sign-in is needed.
 */
export async function start(root) {
  initLanguage();
  const current = await session.current();
  if (!session.isValid(current)) {
    fill(root, h('p', { class: 'form-error', role: 'alert', id: 'page-error' }, t('print.signInFirst')),
      h('p', {}, h('a', { class: 'button', href: '/' }, t('print.openApp'))));
    return null;
  }
  return {
    account: current.account,
    load: (path) => request(path, { token: current.token }),
    call: (path, options) => request(path, { ...options, token: current.token }),
  };
}

/** A failed load, said on the page. */
export function failed(root, error) {
  fill(root, h('p', { class: 'form-error', role: 'alert', id: 'page-error' }, errorText(error)));
}

/** The row of buttons shown on screen only: back to the app, print. */
export function toolbar(back, ...more) {
  return h('div', { class: 'toolbar screen-only' },
    h('a', { class: 'button', href: back }, `‹ ${t('print.back')}`),
    ...more,
    h('button', { type: 'button', class: 'primary', id: 'print-now', onclick: () => window.print() }, t('print.printA4')));
}
