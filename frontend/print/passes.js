// The printable sheet of household pass cards: eight cards to an A4 page (2 × 4), each with
// its QR code (the pass itself, a signed token), the village, the household, serial and validity.
import { h, fill } from '../js/dom.js';
import { t, formatDay, dayOf } from '../js/i18n.js';
import { qrSvg } from '../js/qr.js';
import { start, failed, toolbar } from './page.js';

export const CARDS_PER_SHEET = 8;

const root = document.getElementById('page');

async function show() {
  const api = await start(root);
  if (!api) return;
  document.title = t('print.cards.title');
  try {
    const data = await api.load(`/api/v1/villages/${api.account.placeId}/pass-cards`);
    const cards = [...data.cards].sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
    const sheets = [];
    for (let i = 0; i < cards.length; i += CARDS_PER_SHEET) sheets.push(cards.slice(i, i + CARDS_PER_SHEET));
    fill(root,
      toolbar('/#/households'),
      h('h1', { class: 'screen-only' }, t('print.cards.heading', { village: data.village.name })),
      h('p', { class: 'screen-only small', id: 'cards-count' }, cards.length
        ? t('print.cards.count', { count: cards.length, sheets: sheets.length })
        : t('print.cards.none')),
      sheets.map((sheet) => h('section', { class: 'sheet cards' }, sheet.map((card) => passCard(data.village, card)))));
  } catch (e) {
    failed(root, e);
  }
}

function passCard(village, card) {
  return h('article', { class: 'pass-card', 'data-household': card.householdId, 'data-serial': card.serial },
    h('div', { class: 'pass-qr' }, qrSvg(card.token, { level: 'M', label: t('print.cards.qrLabel', { label: card.label }) })),
    h('div', { class: 'pass-text' },
      h('p', { class: 'pass-kind' }, t('print.cards.kind')),
      h('p', { class: 'pass-village' }, village.name),
      h('p', { class: 'pass-label' }, card.label),
      h('p', { class: 'pass-serial' }, t('print.cards.serial', { serial: card.serial })),
      h('p', { class: 'pass-valid' }, t('print.cards.valid', {
        from: formatDay(dayOf(card.issuedAt), { weekday: false, year: true }),
        to: formatDay(dayOf(card.expiresAt), { weekday: false, year: true }),
      }))));
}

show();
