// Decodes QR codes off the page's thread with the vendored zxing-wasm (for browsers without
// BarcodeDetector, such as Chromium on Linux). The .wasm comes from the app itself, never
// from the CDN the library would otherwise use.
import { prepareZXingModule, readBarcodes } from '../../vendor/zxing-wasm/reader/index.js';

const WASM = new URL('../../vendor/zxing-wasm/reader/zxing_reader.wasm', import.meta.url).href;

prepareZXingModule({
  overrides: { locateFile: (path, prefix) => (path.endsWith('.wasm') ? WASM : prefix + path) },
  fireImmediately: true,
});

const OPTIONS = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 };

self.onmessage = async ({ data: { id, image } }) => {
  try {
    const found = (await readBarcodes(image, OPTIONS)).find((r) => r.isValid);
    const p = found?.position;
    self.postMessage({
      id, result: found ? { text: found.text, corners: [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft] } : null,
    });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message || error) });
  }
};
