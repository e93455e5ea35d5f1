// Charts in plain SVG (no library to ship or keep up to date), each with a table view of the
// same numbers for screen readers and for reading exact values.
import { h } from './dom.js';
import { t, formatNumber } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a5a00', '#56b4e9', '#000000'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];
const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 52, right: 12, top: 12, bottom: 28 };

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== '') element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) if (child) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/** The smallest round number at or above n (1, 2, 5 × 10^k), for the top of the axis. */
export function niceMax(n) {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= n);
}

/** The style of the i-th series: colour and dash, so that colour is never the only difference. */
export function look(i) {
  return { colour: COLOURS[i % COLOURS.length], dash: DASHES[Math.floor(i / COLOURS.length) % DASHES.length] };
}

/**
 * A line chart: labels along the bottom, one line per series [{name, values}]. Returns a
 * figure with the chart, its legend and its table view.
 */
export function lineChart({ id, title, labels, series, unit }) {
  const max = niceMax(Math.max(0, ...series.flatMap((x) => x.values)));
  const w = WIDTH - PAD.left - PAD.right;
  const hh = HEIGHT - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (labels.length <= 1 ? w / 2 : (i * w) / (labels.length - 1));
  const y = (v) => PAD.top + hh - (v / max) * hh;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => s('g', {},
    s('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(max * f), y2: y(max * f), stroke: '#d0d0d0', 'stroke-width': 1 }),
    s('text', { x: PAD.left - 6, y: y(max * f) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#333' }, formatNumber(max * f))));
  const step = Math.max(1, Math.ceil(labels.length / 8));
  // The first and last labels are anchored inwards, so that none reaches past the chart's edge.
  const anchor = (i) => (i === 0 && labels.length > 1 ? 'start' : (i === labels.length - 1 ? 'end' : 'middle'));
  const shown = (i) => i === labels.length - 1 || (i % step === 0 && labels.length - 1 - i >= step / 2);
  const ticks = labels.map((label, i) => (shown(i)
    ? s('text', { x: x(i), y: HEIGHT - 8, 'text-anchor': anchor(i), 'font-size': 12, fill: '#333' }, label) : null));
  const lines = series.map((one, i) => {
    const { colour, dash } = look(i);
    const points = one.values.map((v, j) => `${x(j).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    return s('g', {},
      s('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': dash, 'stroke-linejoin': 'round' }),
      one.values.length <= 40 ? one.values.map((v, j) => s('circle', { cx: x(j), cy: y(v), r: 3, fill: colour })) : null);
  });
  const total = series.reduce((n, one) => n + one.values.reduce((a, b) => a + b, 0), 0);
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart-svg', role: 'img', 'aria-labelledby': `${id}-title`,
    'aria-describedby': `${id}-desc`, preserveAspectRatio: 'xMidYMid meet',
  }, s('desc', { id: `${id}-desc` }, t('chart.describe', { series: series.length, total: formatNumber(total), unit })), grid, ticks, lines);
  return h('figure', { class: 'chart', id },
    h('figcaption', { id: `${id}-title` }, title),
    svg,
    series.length > 1 ? h('ul', { class: 'legend' }, series.map((one, i) => {
      const { colour, dash } = look(i);
      return h('li', {}, s('svg', { width: 28, height: 12, 'aria-hidden': 'true' },
        s('line', { x1: 0, x2: 28, y1: 6, y2: 6, stroke: colour, 'stroke-width': 3, 'stroke-dasharray': dash })), one.name);
    })) : null,
    h('details', { class: 'table-view' },
      h('summary', {}, t('chart.table')),
      h('div', { class: 'table-scroll' }, h('table', { class: 'figures-table' },
        h('caption', {}, title),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('chart.when')), series.map((one) => h('th', { scope: 'col' }, one.name)))),
        h('tbody', {}, labels.map((label, i) => h('tr', {}, h('th', { scope: 'row' }, label),
          series.map((one) => h('td', {}, formatNumber(one.values[i] ?? 0))))))))));
}
