// Every call the workbench makes goes through here, with the same keys any client would send: the API key on /v1 and
// /sparql, the admin key on /admin. Nothing bypasses the gateway's auth. Keys live in sessionStorage only.

const API_KEY = 'groundgate.apiKey';
const ADMIN_KEY = 'groundgate.adminKey';

export const keys = {
  api: () => sessionStorage.getItem(API_KEY) ?? '',
  admin: () => sessionStorage.getItem(ADMIN_KEY) ?? '',
  save(api, admin) {
    store(API_KEY, api);
    store(ADMIN_KEY, admin);
    window.dispatchEvent(new CustomEvent('groundgate:keys'));
  },
};

function store(name, value) {
  if (value) sessionStorage.setItem(name, value);
  else sessionStorage.removeItem(name);
}

/** An error answer of the gateway (OpenAI's format) or a network failure. */
export class ApiError extends Error {
  constructor(status, body, fallback) {
    const e = body?.error ?? {};
    super(e.message || fallback || `HTTP ${status}`);
    this.status = status;
    this.type = e.type ?? null;
    this.code = e.code ?? null;
    this.param = e.param ?? null;
    this.body = body; // the whole answer, for fields beyond OpenAI's four (e.g. located problems)
  }

  /** Whether a key (API or admin) was missing or wrong. */
  get unauthorized() {
    return this.status === 401;
  }
}

/** The Authorization header for a path: the admin key on /admin, the API key elsewhere. */
export function authHeaders(path) {
  const key = path.startsWith('/admin') ? keys.admin() : keys.api();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** fetch() with the right key; throws ApiError on a non-2xx answer. */
export async function call(path, { method = 'GET', body, headers = {}, signal } = {}) {
  let response;
  try {
    response = await fetch(path, { method, body, signal, headers: { ...authHeaders(path), ...headers } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, `The gateway could not be reached: ${e.message}`);
  }
  if (!response.ok) {
    let parsed = null;
    try {
      parsed = await response.json();
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, parsed, `${response.status} ${response.statusText}`);
  }
  return response;
}

/** A JSON call: sends `json` (if given) and returns the parsed answer. */
export async function callJson(path, { method, json, headers = {}, signal } = {}) {
  const init = { method: method ?? (json === undefined ? 'GET' : 'POST'), headers: { Accept: 'application/json', ...headers }, signal };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await call(path, init);
  return response.status === 204 ? null : response.json();
}

/** Runs a gateway tool by hand: {tool, ok, result|error, provenance}. */
export function invokeTool(name, args, signal) {
  return callJson(`/v1/tools/${encodeURIComponent(name)}/invoke`, { json: args ?? {}, signal });
}
