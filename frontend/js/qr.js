// QR codes drawn as SVG in the page: the vendored encoder decides the dark modules, and one
// path draws them (no HTML strings, no data: images, which the Content-Security-Policy refuses).
import qrcode from '../vendor/qrcode-generator/qrcode.js';

const SVG = 'http://www.w3.org/2000/svg';
/** The quiet zone the QR standard asks for around the code, in modules. */
const QUIET = 4;

/**
 * An <svg> of the QR code for text (error correction level L, M, Q or H), square and as wide
 * as its box; `label` is what a screen reader says.
 */
export function qrSvg(text, { level = 'M', label = '' } = {}) {
  const qr = qrcode(0, level);
  // The encoder takes one character per byte: hand it the text's UTF-8 bytes.
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const size = count + 2 * QUIET;
  const parts = [];
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.isDark(row, col)) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
    }
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('class', 'qr');
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.dataset.modules = String(count);
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', parts.join(''));
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}
