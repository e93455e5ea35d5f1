// The official's dashboard of their subtree: figures for today, yesterday and a chosen range,
// a daily chart with one line per child place, an hourly chart, and the child places to
// drill down into (county → township → village → checkpoint) with a breadcrumb back. The
// place and range are kept in the address, so a link shows the same view.
import { h, fill } from '../dom.js';
import { t, formatNumber, formatDay, formatTime } from '../i18n.js';
import * as dates from '../dates.js';
import { lineChart } from '../chart.js';
import { errorText, csvButton, fileName } from '../ui.js';

const FIGURES = [
  ['entries', (s) => s.entries], ['persons', (s) => s.persons], ['in', (s) => s.in], ['out', (s) => s.out],
  ['admitted', (s) => s.admitted], ['refused', (s) => s.refused], ['referred', (s) => s.referred],
  ['green', (s) => s.healthCodes.GREEN ?? 0], ['yellow', (s) => s.healthCodes.YELLOW ?? 0], ['red', (s) => s.healthCodes.RED ?? 0],
  ['otherCodes', (s) => (s.healthCodes.NO_PHONE ?? 0) + (s.healthCodes.UNREADABLE ?? 0) + (s.healthCodes.PAPER_PASS ?? 0)],
  ['fevers', (s) => s.fevers], ['openAlerts', (s) => s.openAlerts],
];

let root = null;

/** Figures from a streaming replica further behind than this are said to be so; a minute is normal. */
export const BEHIND_NOTICE_SECONDS = 60;

/**
 * "Figures as of 14:05, 7 min behind" for the answer furthest behind, when it is more than
 * BEHIND_NOTICE_SECONDS behind (the server reads statistics from a lagging replica); else null.
 */
export function behindText(answers) {
  const worst = answers.reduce((a, b) => ((b.behindSeconds ?? 0) > (a?.behindSeconds ?? 0) ? b : a), null);
  if (!worst || !worst.asOf || worst.behindSeconds <= BEHIND_NOTICE_SECONDS) return null;
  return t('dash.behind', { time: formatTime(worst.asOf), minutes: formatNumber(Math.floor(worst.behindSeconds / 60)) });
}

/** The view the address asks for, with defaults: the home place, the last 7 days. */
export function viewOf(params, home, today) {
  const to = dates.isDay(params.get('to')) ? params.get('to') : today;
  const from = dates.isDay(params.get('from')) && params.get('from') <= to ? params.get('from') : dates.addDays(to, -6);
  return { place: params.get('place') || home, from, to };
}

export function render(app) {
  const view = viewOf(app.params(), app.session.account.placeId, dates.today());
  root = h('section', { class: 'dashboard' });
  draw(app, view, root);
  return root;
}

async function homePlace(app) {
  if (app.session.account.placeId) return app.session.account.placeId;
  const counties = await app.load('/api/v1/places?limit=1'); // an administrator: the first county
  return counties.items[0]?.id;
}

async function draw(app, view, target) {
  const v = { ...view, place: view.place || await homePlace(app).catch(() => null) };
  if (!v.place) {
    fill(target, h('h1', {}, t('dash.title')), h('p', { class: 'empty' }, t('dash.noPlace')));
    return;
  }
  const today = dates.today();
  const end = dates.addDays(v.to, 1);
  const summaryPanel = h('div', { class: 'summary-panel', id: 'summary-panel' }, h('p', { class: 'small' }, t('common.loading')));
  const crumbs = h('nav', { class: 'breadcrumb', 'aria-label': t('dash.breadcrumb'), id: 'breadcrumb' });
  const heading = h('h1', { id: 'place-name' }, t('dash.title'));
  const charts = h('div', { class: 'charts', id: 'charts' });
  const children = h('div', { class: 'children', id: 'children' });
  const fromInput = h('input', { type: 'date', id: 'range-from', value: v.from, max: today });
  const toInput = h('input', { type: 'date', id: 'range-to', value: v.to, max: today });
  const show = (from, to) => app.go('dashboard', { place: v.place, from, to });
  fill(target,
    crumbs, heading,
    h('form', {
      class: 'range', id: 'range-form', onsubmit: (e) => {
        e.preventDefault();
        if (dates.isDay(fromInput.value) && dates.isDay(toInput.value) && fromInput.value <= toInput.value) show(fromInput.value, toInput.value);
      },
    },
    h('div', { class: 'filter' }, h('label', { for: 'range-from' }, t('range.from')), fromInput),
    h('div', { class: 'filter' }, h('label', { for: 'range-to' }, t('range.toInclusive')), toInput),
    h('button', { type: 'submit', class: 'primary', id: 'range-show' }, t('range.show')),
    h('button', { type: 'button', class: 'secondary', onclick: () => show(dates.addDays(today, -6), today) }, t('range.last7')),
    h('button', { type: 'button', class: 'secondary', onclick: () => show(dates.addDays(today, -29), today) }, t('range.last30'))),
    h('div', { class: 'dash-body' }, summaryPanel, h('div', { class: 'dash-main' }, charts, children)));

  const placeQuery = `placeId=${v.place}`;
  const summary = (from, to) => app.load(`/api/v1/stats/summary?${placeQuery}&from=${from}&to=${to}`);
  // The figures first: they are what an official opens the dashboard for.
  const figures = Promise.all([summary(today, dates.addDays(today, 1)), summary(dates.addDays(today, -1), today), summary(v.from, end)]);
  const place = app.load(`/api/v1/places/${v.place}`);
  let placeName = '';
  try {
    const [s, p] = await Promise.all([figures, place]);
    if (target !== root) return;
    placeName = p.name;
    fill(heading, p.name, ' ', h('span', { class: 'kind' }, t(`kind.${p.kind}`)));
    const behind = behindText(s);
    fill(summaryPanel, behind && h('p', { class: 'behind', id: 'figures-behind', role: 'status' }, behind), summaryTable(s, v),
      h('div', { class: 'downloads' },
        csvButton(app, t('dash.csvSummary'), () => `/api/v1/stats/summary?${placeQuery}&from=${v.from}&to=${end}`,
          () => fileName('summary', placeName, v.from, v.to), 'csv-summary'),
        h('a', { class: 'button', href: `#/coverage?place=${v.place}` }, t('nav.coverage'))));
    breadcrumb(app, p, v, crumbs);
  } catch (e) {
    if (target === root) fill(target, h('h1', {}, t('dash.title')), h('p', { class: 'form-error', role: 'alert', id: 'dash-error' }, errorText(e)));
    return;
  }
  try {
    const [daily, hourly] = await Promise.all([
      app.load(`/api/v1/stats/series?${placeQuery}&from=${v.from}&to=${end}&bucket=day&split=children`),
      app.load(`/api/v1/stats/series?${placeQuery}&from=${dates.addDays(today, -1)}&to=${dates.addDays(today, 1)}&bucket=hour`),
    ]);
    if (target !== root) return;
    const dayLabels = daily.series[0]?.points.map((p) => formatDay(p.start.slice(0, 10), { weekday: false })) ?? [];
    const hourPoints = hourly.series[0]?.points ?? [];
    const hours = Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0'));
    fill(charts,
      h('section', { class: 'chart-block' },
        daily.series.length ? lineChart({
          id: 'chart-daily', title: t('dash.dailyChart', { from: formatDay(v.from), to: formatDay(v.to) }), labels: dayLabels,
          series: daily.series.map((x) => ({ name: x.name, values: x.points.map((p) => p.entries) })), unit: t('dash.entries'),
        }) : h('p', { class: 'small' }, t('dash.noChildren')),
        csvButton(app, t('dash.csvDaily'), () => `/api/v1/stats/series?${placeQuery}&from=${v.from}&to=${end}&bucket=day&split=children`,
          () => fileName('daily', placeName, v.from, v.to), 'csv-daily')),
      h('section', { class: 'chart-block' },
        lineChart({
          id: 'chart-hourly', title: t('dash.hourlyChart'), labels: hours,
          series: [
            { name: t('dash.today'), values: hourPoints.slice(24, 48).map((p) => p.entries) },
            { name: t('dash.yesterday'), values: hourPoints.slice(0, 24).map((p) => p.entries) },
          ],
          unit: t('dash.entries'),
        }),
        csvButton(app, t('dash.csvHourly'), () => `/api/v1/stats/series?${placeQuery}&from=${dates.addDays(today, -1)}&to=${dates.addDays(today, 1)}&bucket=hour`,
          () => fileName('hourly', placeName, dates.addDays(today, -1), today), 'csv-hourly')));
    childTable(app, daily, v, children, placeName);
  } catch (e) {
    if (target === root) fill(charts, h('p', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

function summaryTable(s, v) {
  const [today, yesterday, range] = s;
  const columns = [['today', today], ['yesterday', yesterday], ['range', range]];
  return h('table', { class: 'summary-table', id: 'summary' },
    h('caption', {}, t('dash.summaryCaption', { from: formatDay(v.from), to: formatDay(v.to) })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dash.figure')),
      h('th', { scope: 'col' }, t('dash.today')), h('th', { scope: 'col' }, t('dash.yesterday')),
      h('th', { scope: 'col' }, t('dash.range')))),
    h('tbody', {}, FIGURES.map(([key, get]) => h('tr', { class: `row-${key}` },
      h('th', { scope: 'row' }, t(`dash.${key}`)),
      columns.map(([period, data]) => h('td', { id: `sum-${key}-${period}`, class: (key === 'fevers' || key === 'red' || key === 'openAlerts') && get(data) > 0 ? 'alarm' : null },
        formatNumber(get(data))))))));
}

function childTable(app, daily, v, target, placeName) {
  const rows = daily.series.filter((x) => x.placeId !== v.place).map((x) => ({
    id: x.placeId, name: x.name,
    entries: sum(x, 'entries'), persons: sum(x, 'persons'), refused: sum(x, 'refused'), referred: sum(x, 'referred'), fevers: sum(x, 'fevers'),
  }));
  if (rows.length === 0) {
    fill(target, h('p', { class: 'small' }, t('dash.noChildren')));
    return;
  }
  fill(target,
    h('h2', {}, t('dash.children')),
    h('table', { class: 'children-table', id: 'children-table' },
      h('caption', {}, t('dash.childrenCaption', { place: placeName, from: formatDay(v.from), to: formatDay(v.to) })),
      h('thead', {}, h('tr', {}, ['place', 'entries', 'notAdmitted', 'fevers'].map((k) => h('th', { scope: 'col' }, t(`dash.${k}`))))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/dashboard?${new URLSearchParams({ place: r.id, from: v.from, to: v.to })}`, class: 'drill', 'data-place': r.id }, r.name)),
        h('td', {}, formatNumber(r.entries)), h('td', {}, formatNumber(r.refused + r.referred)),
        h('td', { class: r.fevers ? 'alarm' : null }, formatNumber(r.fevers)))))),
  );
}

function sum(series, key) {
  return series.points.reduce((n, p) => n + p[key], 0);
}

/** county › township › village › checkpoint, up to the official's own place. */
async function breadcrumb(app, place, v, target) {
  const chain = [place];
  const home = app.session.account.placeId;
  let current = place;
  while (current.parentId && current.id !== home && chain.length < 5) {
    try {
      current = await app.load(`/api/v1/places/${current.parentId}`);
    } catch {
      break; // above the official's own place
    }
    chain.unshift(current);
  }
  const link = (p) => h('a', { href: `#/dashboard?${new URLSearchParams({ place: p.id, from: v.from, to: v.to })}` }, p.name);
  fill(target, h('ol', {}, chain.map((p, i) => h('li', {}, i === chain.length - 1
    ? h('span', { 'aria-current': 'page' }, p.name) : link(p)))));
}
