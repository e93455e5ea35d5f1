// The phone's back camera while scanning: its stream in a <video>, frames read from it, the
// torch where the camera offers one, and the screen kept awake where the browser allows it.

/** Starts the back camera in the video element: {stream, track, torch (whether it has one)}. */
export async function start(video) {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  const [track] = stream.getVideoTracks();
  const capabilities = track.getCapabilities?.() ?? {};
  return { stream, track, torch: capabilities.torch === true || (Array.isArray(capabilities.torch) && capabilities.torch.includes(true)) };
}

export function stop(camera, video) {
  camera?.stream.getTracks().forEach((track) => track.stop());
  if (video) video.srcObject = null;
}

export function setTorch(camera, on) {
  return camera.track.applyConstraints({ advanced: [{ torch: on }] });
}

const MAX_SIDE = 960;
let canvas = null;

/** The video's current frame as ImageData, scaled down to at most 960 pixels a side. */
export function frame(video) {
  const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  if (!width || !height) return null;
  canvas ??= document.createElement('canvas');
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(video, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** Calls onFrame for each new video frame (or animation frame) until the returned stop() is called. */
export function eachFrame(video, onFrame) {
  let stopped = false;
  const perFrame = typeof video.requestVideoFrameCallback === 'function';
  const schedule = () => {
    if (stopped) return;
    if (perFrame) video.requestVideoFrameCallback(tick);
    else requestAnimationFrame(tick);
  };
  const tick = () => { if (!stopped) Promise.resolve(onFrame()).finally(schedule); };
  schedule();
  return () => { stopped = true; };
}

/** Keeps the screen on while scanning; the lock is let go with release() (the browser also drops it when hidden). */
export async function keepAwake() {
  try {
    const lock = await navigator.wakeLock?.request('screen');
    return { release: () => lock?.release().catch(() => {}) };
  } catch {
    return { release: () => {} }; // not allowed here (battery saver, an old browser): scanning still works
  }
}
