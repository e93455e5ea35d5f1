// The public API: JSON in and out, the sign-in token, problem details turned into ApiError,
// and the server's clock read from every answer.
import { observe } from './clock.js';

const TIMEOUT_MS = 20_000;

/** A failed call: kind 'network' (no answer or timed out) or 'http' with status and problem. */
export class ApiError extends Error {
  constructor(kind, status = 0, problem = null, retryAfter = null) {
    super(problem?.detail || problem?.title || `${kind} ${status}`);
    this.kind = kind;
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Worth trying again later as it is: no answer, a timeout, 429 or a server error. */
  get retryable() {
    return this.kind === 'network' || this.status === 429 || this.status === 408 || this.status >= 500;
  }
}

export async function request(path, { method = 'GET', body, token, timeout = TIMEOUT_MS, headers: extra = {} } = {}) {
  const headers = { Accept: 'application/json', ...extra };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const sentAt = Date.now();
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal, cache: 'no-store', credentials: 'omit',
    });
  } catch {
    throw new ApiError('network');
  } finally {
    clearTimeout(timer);
  }
  observe(response.headers.get('Date'), sentAt, Date.now());
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  try {
    data = type.includes('json') ? await response.json() : await response.text();
  } catch {
    if (response.ok) throw new ApiError('network');
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : null;
    throw new ApiError('http', response.status, problem, response.headers.get('Retry-After'));
  }
  return data;
}
