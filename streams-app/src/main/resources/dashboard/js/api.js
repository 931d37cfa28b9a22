// The API as the dashboard uses it: the token (kept as before: ?token= once, then sessionStorage,
// never in the address bar), JSON requests with it, and what happens when it is refused.

const TOKEN_KEY = 'painguard.token';

let token = null;
let refusedHandler = () => {};

/** Takes ?token= from the address bar into sessionStorage and out of the URL; returns the token. */
export function takeTokenFromUrl() {
  const params = new URLSearchParams(window.location.search);
  if (params.has('token')) {
    sessionStorage.setItem(TOKEN_KEY, params.get('token'));
    params.delete('token');
    const query = params.toString();
    // Keep the token out of the address bar, history and bookmarks.
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
  }
  token = sessionStorage.getItem(TOKEN_KEY);
  return token;
}

export function setToken(value) {
  token = value;
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

export function currentToken() {
  return token;
}

/** Called once a request is answered 401: the token is wrong or withdrawn. */
export function onRefused(handler) {
  refusedHandler = handler;
}

/**
 * GET or POST a JSON API path; resolves to {status, body} (body null when absent or not JSON).
 * Rejects only when the network fails. A 401 calls the refused handler.
 */
export async function request(path, options = {}) {
  const headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' };
  const init = { headers, cache: 'no-store', method: options.method || 'GET' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    refusedHandler();
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { status: response.status, body };
}

export function athletePath(athleteId) {
  return '/api/athletes/' + encodeURIComponent(athleteId);
}

/** The live alert stream's address (EventSource cannot send headers). */
export function streamUrl() {
  return '/api/alerts/stream?access_token=' + encodeURIComponent(token);
}
