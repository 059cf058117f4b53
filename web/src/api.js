// The dashboard's only way to the server: dyad's own /api/ endpoints
// (docs/api.md). URLs are relative to the page, so the dashboard works under
// any path prefix.

// A server behind --token: the page is opened once as ...?token=T; the token
// is kept for the tab's session and sent with every request.
const tokenKey = "dyad-token";
const pageToken = new URLSearchParams(location.search).get("token");
if (pageToken) sessionStorage.setItem(tokenKey, pageToken);

function token() {
  return sessionStorage.getItem(tokenKey) || "";
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// Parameters that are empty, null, undefined or false are left out.
export function apiUrl(path, params = {}, { withToken = false } = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    query.set(name, String(value));
  }
  if (withToken && token()) query.set("token", token());
  const text = query.toString();
  return `api/${path}${text ? `?${text}` : ""}`;
}

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: the status line says enough.
  }
  if (!response.ok) {
    const message = body?.error?.message || `HTTP ${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

function headers(extra = {}) {
  return token() ? { ...extra, Authorization: `Bearer ${token()}` } : extra;
}

export async function getJson(path, params = {}, { signal } = {}) {
  const response = await fetch(apiUrl(path, params), { headers: headers(), signal });
  return answer(response);
}

export async function postJson(path, body) {
  const response = await fetch(apiUrl(path), {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  });
  return answer(response);
}

// One request per panel at a time: a newer one aborts the older, so a slow
// answer never overwrites a newer view.
export class Latest {
  #controller = null;

  async get(path, params) {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    return getJson(path, params, { signal: controller.signal });
  }
}

export function isAbort(error) {
  return error?.name === "AbortError";
}
