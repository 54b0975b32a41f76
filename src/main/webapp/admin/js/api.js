// The REST API as the dashboard uses it: same origin, the session cookie (HttpOnly, sent by the browser), and the
// session's CSRF token on every change. Errors come back as ApiError with the problem+json body.

let csrfToken = null;
let unauthorizedHandler = () => {};

export class ApiError extends Error {
  constructor(status, problem, headers) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }
}

/** Called when a request other than the login is answered 401: the session ended. */
export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

export function setCsrfToken(token) {
  csrfToken = token || null;
}

/**
 * One call of the API: method, path, optional JSON body; answers { response, data } or throws ApiError. Views'
 * own API modules (api/*.js) build on it. extraHeaders: e.g. If-Match.
 */
export async function request(method, path, body, { probe = false, extraHeaders = {} } = {}) {
  const headers = {
    Accept: 'application/json, application/problem+json',
    // tells the API this is the dashboard: a 401 then carries no Basic challenge (no browser password dialog)
    'X-Requested-With': 'coloc-dashboard',
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  Object.assign(headers, extraHeaders);
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 204) {
    return { response, data: null };
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 401 && !probe) {
      csrfToken = null;
      unauthorizedHandler();
    }
    throw new ApiError(response.status, data, response.headers);
  }
  return { response, data };
}

export async function login(user, password) {
  const { response } = await request('POST', '/api/session', { user, password }, { probe: true });
  setCsrfToken(response.headers.get('X-CSRF-Token'));
}

export async function logout() {
  try {
    await request('DELETE', '/api/session');
  } finally {
    csrfToken = null;
  }
}

/** Who is logged in, or null when nobody is (the probe of a freshly loaded page). */
export async function session() {
  try {
    const { data } = await request('GET', '/api/session', undefined, { probe: true });
    setCsrfToken(data.csrfToken);
    return data;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      return null;
    }
    throw e;
  }
}

/** ?a=1&b=2 from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, v);
    }
  });
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** How many cases of each state match the filters ({ new: 3, … }, every state named): one request. */
export async function caseCounts(params = {}) {
  return (await request('GET', `/api/cases/counts${query(params)}`)).data;
}

export async function cases(params = {}) {
  return (await request('GET', `/api/cases${query(params)}`)).data;
}

export async function caseWithThread(number) {
  return (await request('GET', `/api/cases/${encodeURIComponent(number)}`)).data;
}

/** The admin's reply, mailed to the requester and participants; answers the case with its thread. */
export async function reply(number, text) {
  return (await request('POST', `/api/cases/${encodeURIComponent(number)}/replies`, { text })).data;
}

/** An internal note: nobody is mailed; answers the case with its thread. */
export async function note(number, text) {
  return (await request('POST', `/api/cases/${encodeURIComponent(number)}/notes`, { text })).data;
}

/** A merge patch of a case ({state}, {member}, {vm}); answers the case. */
export async function changeCase(number, patch) {
  return (await request('PATCH', `/api/cases/${encodeURIComponent(number)}`, patch)).data;
}

/** One received mail, decoded (headers, text, html, recipients…). */
export async function message(id) {
  return (await request('GET', `/api/messages/${encodeURIComponent(id)}`)).data;
}

/** Where the exact bytes of a received mail are (a plain same-origin link: the session cookie goes along). */
export function rawMessageUrl(id) {
  return `/api/messages/${encodeURIComponent(id)}/raw`;
}

/** Adds a participant to a case (the admin's replies go there too); answers the case with its thread. */
export async function addParticipant(number, email) {
  return (await request('POST', `/api/cases/${encodeURIComponent(number)}/participants`, { email })).data;
}

/** Removes a participant (never the requester); answers the case with its thread. */
export async function removeParticipant(number, email) {
  return (await request('DELETE',
    `/api/cases/${encodeURIComponent(number)}/participants/${encodeURIComponent(email)}`)).data;
}
