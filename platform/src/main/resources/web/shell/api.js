// Talking to the ShopOps API: the language, the CSRF token and JSON errors in one place.

const LANG_KEY = 'shopops.lang';

/** The languages of the UI, each named in itself. */
export const LANGUAGES = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' },
];

function normalise(tag) {
  return String(tag).toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The UI language: ?lang= in the URL, else the one chosen before, else the browser's. */
export function currentLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked) return normalise(asked);
  return normalise(localStorage.getItem(LANG_KEY) || navigator.language || 'en');
}

export function setLang(code) {
  localStorage.setItem(LANG_KEY, normalise(code));
}

let csrf = null;

/** The token the server wants on every state-changing call made with the session cookie. */
export function setCsrf(token) {
  csrf = token || null;
}

/** An answer other than 2xx; message is the server's own {"error": …} when it gave one. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sends the browser to the sign-in page, to come back here afterwards. */
export function toLogin() {
  const next = location.pathname + location.search;
  location.assign(`/login.html?next=${encodeURIComponent(next)}`);
}

/**
 * fetch() for the JSON API. A plain object body is sent as JSON, FormData as multipart. Resolves to
 * the parsed answer (null for 204); rejects with an ApiError. A 401 goes to the sign-in page unless
 * {signIn: false}.
 */
export async function api(path, { method = 'GET', body, headers, signal, signIn = true } = {}) {
  const h = new Headers(headers);
  h.set('Accept', 'application/json');
  h.set('Accept-Language', currentLang());
  if (UNSAFE.has(method) && csrf) h.set('X-CSRF-Token', csrf);
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob)) {
    h.set('Content-Type', 'application/json');
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers: h, body: payload, signal, credentials: 'same-origin' });
  if (response.status === 401 && signIn) {
    toLogin();
    return new Promise(() => {}); // the page is going away; nothing after this should run
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const error = new ApiError(response.status, (data && data.error) || `${response.status} ${response.statusText}`, data);
    error.retryAfter = Number(response.headers.get('Retry-After')) || null;
    throw error;
  }
  return data;
}
