// Sign in with phone and password. Says when a sign-in expired, and whose entries wait.
import { h } from '../dom.js';
import { t, problemText } from '../i18n.js';
import { request } from '../api.js';

export function render(app) {
  const previous = app.session?.account;
  const message = h('p', { class: 'form-error', id: 'signin-error', role: 'alert' });
  const phone = h('input', {
    id: 'phone', name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'username', required: true,
    value: previous?.phone && !previous.phone.includes('*') ? previous.phone : '',
  });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary big', id: 'signin-submit' }, t('signin.submit'));

  async function signIn(event) {
    event.preventDefault();
    message.textContent = '';
    submit.disabled = true;
    submit.textContent = t('signin.busy');
    try {
      const login = await request('/api/v1/auth/login', {
        method: 'POST', body: { phone: phone.value.trim(), password: password.value },
      });
      await app.signedIn(login);
    } catch (error) {
      message.textContent = reason(error);
      submit.disabled = false;
      submit.textContent = t('signin.submit');
      password.select();
    }
  }

  const waiting = app.summary().others.filter((o) => o.recorderId !== previous?.id);
  const own = previous ? app.rows.filter((r) => r.recorderId === previous.id && r.state !== 'SENT').length : 0;
  return h('section', { class: 'signin' },
    h('h1', {}, t('signin.title')),
    h('p', { class: 'tagline' }, t('app.tagline')),
    previous && app.session?.expired ? h('p', { class: 'notice notice-expired', role: 'alert' }, t('signin.expired')) : null,
    own > 0 ? h('p', { class: 'notice' }, t('signin.waiting', { count: own, name: previous.name })) : null,
    waiting.map((o) => h('p', { class: 'notice' }, t('signin.waiting', { count: o.count, name: o.name }))),
    h('form', { onsubmit: signIn, novalidate: true },
      h('label', { for: 'phone' }, t('signin.phone')), phone,
      h('label', { for: 'password' }, t('signin.password')), password,
      message,
      submit),
    h('p', { class: 'small developers' }, h('a', { href: '/q/swagger-ui' }, t('signin.developers'))));
}

function reason(error) {
  if (error.kind === 'network') return t('signin.offline');
  if (error.status === 401) return t('signin.wrong');
  if (error.status === 429) {
    return t('signin.throttled', { minutes: Math.max(1, Math.ceil(Number(error.retryAfter || 60) / 60)) });
  }
  return problemText(error.problem, error.status);
}
