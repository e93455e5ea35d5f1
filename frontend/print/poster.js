// The printable poster for one gate (場所碼): a big QR code of the gate's public check-in
// address, the gate's and village's names, short instructions in Chinese (the cadre's 简体 or
// 繁體) and a line in English for visitors who read no Chinese. One A4 page.
import { h, fill } from '../js/dom.js';
import { t, tIn, language } from '../js/i18n.js';
import { qrSvg } from '../js/qr.js';
import { start, failed, toolbar } from './page.js';

const root = document.getElementById('page');

async function show() {
  const api = await start(root);
  if (!api) return;
  const checkpointId = location.hash.slice(1);
  try {
    draw(api, await api.load(`/api/v1/checkpoints/${encodeURIComponent(checkpointId)}/poster`));
  } catch (e) {
    failed(root, e);
  }
}

function draw(api, poster) {
  // The poster speaks Chinese whatever the cadre's screen is set to; 繁體 if that is the cadre's choice.
  const zh = language() === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  document.title = t('print.poster.title', { gate: poster.checkpointName });
  const renew = h('button', {
    type: 'button', class: 'secondary', id: 'poster-renew',
    onclick: async () => {
      if (!window.confirm(t('print.poster.renewConfirm'))) return;
      try {
        draw(api, await api.call(`/api/v1/checkpoints/${poster.checkpointId}/poster`, { method: 'POST' }));
      } catch (e) {
        failed(root, e);
      }
    },
  }, t('print.poster.renew'));
  fill(root,
    toolbar('/#/now', renew),
    h('section', { class: 'sheet poster', lang: zh, 'data-url': poster.url },
      h('p', { class: 'poster-village' }, poster.villageName),
      h('h1', { class: 'poster-gate' }, poster.checkpointName),
      h('p', { class: 'poster-call' }, tIn(zh, 'print.poster.call')),
      h('div', { class: 'poster-qr' }, qrSvg(poster.url, { level: 'Q', label: tIn(zh, 'print.poster.qrLabel') })),
      h('ol', { class: 'poster-steps' },
        ['print.poster.step1', 'print.poster.step2', 'print.poster.step3'].map((key) => h('li', {}, tIn(zh, key)))),
      h('p', { class: 'poster-english', lang: 'en' }, tIn('en', 'print.poster.english')),
      h('p', { class: 'poster-url' }, poster.url)));
}

show();
