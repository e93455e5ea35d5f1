// For cadres, officials and administrators until their screens arrive: a clear page, not a broken one.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function render(app) {
  const account = app.session.account;
  return h('section', { class: 'elsewhere' },
    h('h1', {}, t('elsewhere.title', { name: account.name })),
    h('p', { class: 'role' }, t(`role.${account.role}`)),
    h('p', {}, t('elsewhere.body')),
    h('p', {}, h('a', { href: '/q/swagger-ui', class: 'button secondary' }, t('elsewhere.docs'))));
}
