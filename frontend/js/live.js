// Alerts pushed to an open app: the API's Server-Sent Events read through fetch() (so the
// token travels in the Authorization header, never in the address), and polling while the
// stream cannot be had. Every change, and every (re)connection, asks the app to reload.

const POLL_MS = 15_000;
const RETRY_MS = [2_000, 5_000, 10_000, 30_000, 60_000];

/**
 * Splits what arrived so far into complete events ({event, data}) and the unfinished rest.
 * Lines starting with ':' are comments; an event without a name is a 'message'.
 */
export function takeEvents(buffer) {
  const events = [];
  const text = buffer.replace(/\r\n?/g, '\n');
  const blocks = text.split('\n\n');
  const rest = blocks.pop();
  for (const block of blocks) {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length || event !== 'message') events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/** How long to wait before the n-th attempt to reconnect (0-based), with up to 20 % jitter. */
export function retryDelay(attempt, random = Math.random) {
  const base = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
  return Math.round(base * (1 + 0.2 * random()));
}

let current = null;

/** Starts listening; a second start replaces the first. */
export function start({ token, onChange, onState = () => {}, onUnauthorized = () => {} }) {
  stop();
  const run = { stopped: false, controller: null, pollTimer: null, retryTimer: null, attempt: 0 };
  current = run;

  const poll = (on) => {
    clearInterval(run.pollTimer);
    run.pollTimer = on ? setInterval(() => { if (!run.stopped) onChange(); }, POLL_MS) : null;
  };

  const connect = async () => {
    if (run.stopped) return;
    run.controller = new AbortController();
    let response;
    try {
      response = await fetch('/api/v1/alerts/events', {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` },
        cache: 'no-store', credentials: 'omit', signal: run.controller.signal,
      });
    } catch {
      return fallBack();
    }
    if (response.status === 401) {
      run.stopped = true;
      poll(false);
      onUnauthorized();
      return undefined;
    }
    if (!response.ok || !response.body?.getReader) return fallBack();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const { events, rest } = takeEvents(buffer);
        buffer = rest;
        for (const e of events) {
          if (e.event === 'ready') {
            run.attempt = 0;
            if (run.pollTimer) poll(false);
            onState('live');
            onChange(); // whatever happened while not listening
          } else if (e.event === 'alerts') {
            onChange(JSON.parse(e.data || '{}'));
          }
        }
      }
    } catch {
      // dropped: reconnect below
    }
    if (run.stopped) return undefined;
    // The server ends each stream after a while: reconnect at once, as the stream asks.
    run.retryTimer = setTimeout(connect, 1000);
    return undefined;
  };

  const fallBack = () => {
    if (run.stopped) return;
    onState('polling');
    if (!run.pollTimer) poll(true);
    run.retryTimer = setTimeout(connect, retryDelay(run.attempt++));
  };

  onState('connecting');
  connect();
}

export function stop() {
  if (!current) return;
  current.stopped = true;
  current.controller?.abort();
  clearInterval(current.pollTimer);
  clearTimeout(current.retryTimer);
  current = null;
}
