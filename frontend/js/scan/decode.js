// Finding a QR code in a camera frame: the browser's own BarcodeDetector where it has one
// (Android Chrome, Safari), else the vendored zxing-wasm in a worker, so that decoding
// never makes the page stutter. Both answer {text, corners} or null.

function detectorDecoder() {
  const detector = new globalThis.BarcodeDetector({ formats: ['qr_code'] });
  return {
    name: 'BarcodeDetector',
    async decode(image) {
      const [found] = await detector.detect(image);
      return found ? { text: found.rawValue, corners: found.cornerPoints } : null;
    },
    close() {},
  };
}

function workerDecoder() {
  const worker = new Worker(new URL('./decode-worker.js', import.meta.url), { type: 'module' });
  const waiting = new Map();
  let next = 0;
  worker.onmessage = ({ data }) => {
    const settle = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error) settle?.reject(new Error(data.error));
    else settle?.resolve(data.result);
  };
  worker.onerror = (e) => {
    for (const settle of waiting.values()) settle.reject(new Error(e.message || 'decoder failed'));
    waiting.clear();
  };
  return {
    name: 'zxing-wasm',
    decode(image) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // A copy goes to the worker: the page keeps the frame to read a health code's colour.
        worker.postMessage({ id, image });
      });
    },
    close() { worker.terminate(); },
  };
}

/** The best decoder this browser offers. */
export async function decoder() {
  try {
    if ('BarcodeDetector' in globalThis && (await globalThis.BarcodeDetector.getSupportedFormats()).includes('qr_code')) {
      return detectorDecoder();
    }
  } catch { /* not usable here: the worker decodes */ }
  return workerDecoder();
}
