// The colour of a health code: the dark modules of a QR code on a person's phone are green,
// yellow or red. Pure, so that it runs on any frame and is tested on its own. The light
// modules of the same symbol serve as the white reference, so a dim or warm (yellow street
// lamp) light shifts both alike and cancels out.

/** A point at (u, v) in 0..1 inside the quadrilateral of the symbol's four corners. */
function inside(corners, u, v) {
  const [tl, tr, br, bl] = corners;
  const top = { x: tl.x + (tr.x - tl.x) * u, y: tl.y + (tr.y - tl.y) * u };
  const bottom = { x: bl.x + (br.x - bl.x) * u, y: bl.y + (br.y - bl.y) * u };
  return { x: top.x + (bottom.x - top.x) * v, y: top.y + (bottom.y - top.y) * v };
}

function hueOf(r, g, b) {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma === 0) return 0;
  let hue;
  if (max === r) hue = ((g - b) / chroma) % 6;
  else if (max === g) hue = (b - r) / chroma + 2;
  else hue = (r - g) / chroma + 4;
  return (hue * 60 + 360) % 360;
}

function mean(pixels) {
  const sum = pixels.reduce((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]);
  return sum.map((v) => v / Math.max(1, pixels.length));
}

/**
 * The colour of the dark modules inside corners ([topLeft, topRight, bottomRight, bottomLeft]
 * in image pixels): {colour: 'GREEN'|'YELLOW'|'RED'|null, hue, saturation, value}. null when
 * the symbol is black or grey, or the frame too flat to tell.
 */
export function readColour(image, corners, steps = 48) {
  const { data, width, height } = image;
  const pixels = [];
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const p = inside(corners, (i + 0.5) / steps, (j + 0.5) / steps);
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const k = (y * width + x) * 4;
      const r = data[k];
      const g = data[k + 1];
      const b = data[k + 2];
      pixels.push([r, g, b, 0.299 * r + 0.587 * g + 0.114 * b]);
    }
  }
  const none = { colour: null, hue: null, saturation: 0, value: 0 };
  if (pixels.length < 50) return none;
  const lumas = pixels.map((p) => p[3]).sort((a, b) => a - b);
  const low = lumas[Math.floor(lumas.length * 0.1)];
  const high = lumas[Math.floor(lumas.length * 0.9)];
  if (high - low < 12) return none;
  // Only clearly dark and clearly light samples: a module's edge mixes both (and the
  // camera's halved colour resolution smears colour over it).
  const margin = (high - low) * 0.25;
  const middle = (high + low) / 2;
  const dark = mean(pixels.filter((p) => p[3] < middle - margin));
  const light = mean(pixels.filter((p) => p[3] > middle + margin));
  const balanced = dark.map((v, c) => Math.min(1, v / Math.max(1, light[c])));
  const max = Math.max(...balanced);
  const chroma = max - Math.min(...balanced);
  const hue = hueOf(...balanced);
  const saturation = max === 0 ? 0 : chroma / max;
  const result = { hue: Math.round(hue), saturation: Number(saturation.toFixed(2)), value: Number(max.toFixed(2)) };
  return { ...result, colour: classify(hue, saturation, chroma) };
}

/** A hue (degrees) and saturation as a health code's colour, or null when it is none of them. */
export function classify(hue, saturation, chroma = saturation) {
  if (saturation < 0.35 || chroma < 0.2) return null;
  if (hue < 20 || hue >= 330) return 'RED';
  if (hue < 75) return 'YELLOW';
  if (hue < 185) return 'GREEN';
  return null;
}
