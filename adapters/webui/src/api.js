// The API client: the only module that talks to the server. Requests go to
// /api on this origin as JSON; RFC 9457 problems become ApiErrors; signed-in
// requests carry the access token, refreshed shortly before it expires; a
// 401 on a signed-in request signs the shopper out and hands over to
// onUnauthorized (the app sends them to /login?next=…). A GET that the shop
// answers "busy" (503, or 429 with Retry-After) is sent again after the
// wait it asks for, up to GET_RETRIES times, so a caller sees the failure
// only when the shop stays busy; writes are never repeated here.

const BASE = '/api';

// REFRESH_MARGIN_MS is how long before its expiry the access token is
// refreshed.
const REFRESH_MARGIN_MS = 60_000;

// GET_RETRIES is how many times a busy GET is sent again; RETRY_MAX_MS is
// the longest wait before one (an answer asking for longer is not retried:
// the shop said it will not be ready sooner); RETRY_DEFAULT_MS is the wait
// for a 503 without Retry-After.
const GET_RETRIES = 2;
const RETRY_MAX_MS = 5_000;
const RETRY_DEFAULT_MS = 1_000;

// BUSY is the problem shown for a busy answer that carries none of its own
// (a 503 or 429 from a proxy, say).
const BUSY = { title: 'The shop is busy', detail: 'The shop is busy right now: try again in a few seconds.' };

// ApiError is a failed request: status (0 when the server was not reached),
// title, detail, fields (field name → message, from the problem's
// "errors"), and the problem itself (e.g. problem.outOfStock). A busy
// answer (503, 429) without a detail of its own gets BUSY's.
export class ApiError extends Error {
  constructor(status, problem = {}) {
    if ((status === 503 || status === 429) && !problem.detail) problem = { ...BUSY, ...problem, detail: BUSY.detail };
    super(problem.detail || problem.title || `The request failed (${status}).`);
    this.name = 'ApiError';
    this.status = status;
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.problem = problem;
    this.fields = {};
    for (const e of Array.isArray(problem.errors) ? problem.errors : []) {
      if (e && e.field) this.fields[e.field] = e.message;
    }
  }
}

const offline = () =>
  new ApiError(0, { title: 'Network error', detail: 'The shop could not be reached. Check your connection and try again.' });

const isAbort = (err) => err?.name === 'AbortError';

const aborted = () => new DOMException('The request was aborted.', 'AbortError');

// retryDelay is how long to wait before sending a GET again that the shop
// answered with res, in milliseconds, or -1 when it is not to be repeated:
// only a 503 or a 429 is, after its Retry-After (seconds or an HTTP date;
// a 503 without a usable one waits RETRY_DEFAULT_MS), and only when that is
// at most RETRY_MAX_MS away.
function retryDelay(res, now) {
  if (res.status !== 503 && res.status !== 429) return -1;
  const fallback = res.status === 503 ? RETRY_DEFAULT_MS : -1;
  const value = (res.headers.get('Retry-After') || '').trim();
  let ms;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else if (value) ms = Date.parse(value) - now;
  if (ms === undefined || Number.isNaN(ms)) return fallback;
  return ms > RETRY_MAX_MS ? -1 : Math.max(0, ms);
}

// ifMatch is the If-Match header naming an entity's version (its ETag).
const ifMatch = (version) => ({ 'If-Match': `"${version}"` });

const enc = encodeURIComponent;

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

// UNSAFE_HEADERS are set by the browser itself; XMLHttpRequest refuses them.
const UNSAFE_HEADERS = new Set(['content-length', 'host', 'connection', 'accept-encoding', 'cookie']);

// createApi returns the client. session is the session store (session.js);
// device returns the browser's device id sent with every sign-in (device.js).
export function createApi({ session, device = () => undefined, onUnauthorized, fetch = globalThis.fetch.bind(globalThis), XHR = globalThis.XMLHttpRequest, setTimeout = globalThis.setTimeout.bind(globalThis), clearTimeout = globalThis.clearTimeout.bind(globalThis) }) {
  let refreshing = null; // the refresh in flight, shared by concurrent callers

  // pause waits ms, or rejects with an AbortError as soon as signal aborts.
  function pause(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(aborted());
      const stop = () => {
        clearTimeout(wake);
        reject(aborted());
      };
      const wake = setTimeout(() => {
        signal?.removeEventListener('abort', stop);
        resolve();
      }, ms);
      signal?.addEventListener('abort', stop, { once: true });
    });
  }

  async function send(method, path, { body, headers = {}, token, signal } = {}) {
    const h = { Accept: 'application/json, application/problem+json', ...headers };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    if (token) h.Authorization = `Bearer ${token}`;
    for (let attempt = 0; ; attempt++) {
      let res;
      try {
        res = await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), signal });
      } catch (err) {
        throw isAbort(err) ? err : offline();
      }
      const text = await res.text().catch(() => '');
      let data = null;
      if (text) {
        try {
          data = JSON.parse(text);
        } catch {
          data = null;
        }
      }
      if (res.ok) return { status: res.status, data, headers: res.headers };
      const wait = method === 'GET' && attempt < GET_RETRIES ? retryDelay(res, Date.now()) : -1;
      if (wait < 0) throw new ApiError(res.status, data && typeof data === 'object' ? data : {});
      await pause(wait, signal);
    }
  }

  // refresh exchanges the refresh token for new tokens, once at a time.
  function refresh() {
    const current = session.get();
    if (!current) return Promise.reject(new ApiError(401, { title: 'Not signed in' }));
    if (!refreshing) {
      refreshing = send('POST', '/auth/refresh', { body: { refreshToken: current.tokens.refreshToken } })
        .then(({ data }) => {
          session.signIn(data);
          return session.get();
        })
        .finally(() => {
          refreshing = null;
        });
    }
    return refreshing;
  }

  // freshToken returns an access token valid for a while yet, refreshing it
  // when it is about to expire, or null when signed out.
  async function freshToken() {
    let s = session.get();
    if (!s) return null;
    if (s.expiresAt - Date.now() < REFRESH_MARGIN_MS) {
      try {
        s = await refresh();
      } catch (err) {
        if (err.status === 401 || err.status === 400) return expired();
        throw err;
      }
    }
    return s.tokens.accessToken;
  }

  function expired() {
    session.signOut();
    onUnauthorized?.();
    throw new ApiError(401, { title: 'Signed out', detail: 'Your session has ended: sign in again.' });
  }

  // call sends a request. auth: 'none' sends no token (public reads work
  // even with a stale one); 'required' needs a session and turns a 401 into
  // a sign-out and onUnauthorized. It resolves to the JSON body (null for
  // 204).
  async function call(method, path, { auth = 'none', body, headers, signal } = {}) {
    let token;
    if (auth === 'required') {
      token = await freshToken();
      if (!token) return expired();
    }
    try {
      return (await send(method, path, { body, headers, token, signal })).data;
    } catch (err) {
      if (auth === 'required' && err.status === 401) return expired();
      throw err;
    }
  }

  // scheduleRefresh refreshes the access token shortly before it expires
  // while the page is open, and again after every refresh or sign-in.
  let timer = null;
  function scheduleRefresh() {
    clearTimeout(timer);
    const s = session.get();
    if (!s) return;
    const wait = Math.max(0, s.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    timer = setTimeout(() => {
      refresh().catch((err) => {
        if (err.status === 401 || err.status === 400) session.signOut();
      });
    }, Math.min(wait, 2 ** 31 - 1));
  }
  session.subscribe(scheduleRefresh);
  scheduleRefresh();

  return {
    // Catalog (public reads).
    listBooks: ({ category, sort, limit, cursor } = {}, signal) =>
      call('GET', `/books${query({ category, sort, limit, cursor })}`, { signal }),
    getBook: (id, signal) => call('GET', `/books/${enc(id)}`, { signal }),

    // Discovery (public reads of the projections).
    search: ({ q, category, limit, cursor } = {}, signal) => call('GET', `/search${query({ q, category, limit, cursor })}`, { signal }),
    bestSellers: ({ category, period, limit } = {}, signal) => call('GET', `/bestsellers${query({ category, period, limit })}`, { signal }),
    alsoBought: (id, { limit } = {}, signal) => call('GET', `/books/${enc(id)}/also-bought${query({ limit })}`, { signal }),

    // Catalog administration.
    createBook: (details) => call('POST', '/books', { auth: 'required', body: details }),
    updateBook: (id, version, details) => call('PUT', `/books/${enc(id)}`, { auth: 'required', body: details, headers: ifMatch(version) }),
    deleteBook: (id, version) => call('DELETE', `/books/${enc(id)}`, { auth: 'required', headers: ifMatch(version) }),
    requestCoverUpload: (id, contentType, contentLength) =>
      call('POST', `/books/${enc(id)}/cover`, { auth: 'required', body: { contentType, contentLength } }),
    // uploadFile sends file to a presigned request ({uploadUrl, method,
    // headers}) with exactly its headers (the browser adds Content-Length
    // and Host itself). onProgress gets a fraction from 0 to 1. XHR rather
    // than fetch: fetch reports no upload progress.
    uploadFile: (presigned, file, onProgress) =>
      new Promise((resolve, reject) => {
        const xhr = new XHR();
        xhr.open(presigned.method || 'PUT', presigned.uploadUrl);
        for (const [name, value] of Object.entries(presigned.headers || {})) {
          if (!UNSAFE_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
        }
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
        xhr.onload = () =>
          xhr.status >= 200 && xhr.status < 300
            ? resolve()
            : reject(new ApiError(xhr.status, { title: 'Upload refused', detail: `The storage service refused the upload (${xhr.status}).` }));
        xhr.onerror = () => reject(offline());
        xhr.send(file);
      }),

    // Reviews.
    listReviews: (bookId, { cursor, limit } = {}, signal) => call('GET', `/books/${enc(bookId)}/reviews${query({ cursor, limit })}`, { signal }),
    // getMyReview resolves to the caller's review of the book, or null.
    getMyReview: (bookId, signal) =>
      call('GET', `/books/${enc(bookId)}/reviews/mine`, { auth: 'required', signal }).catch((err) => {
        if (err.status === 404) return null;
        throw err;
      }),
    addReview: (bookId, draft) => call('POST', `/books/${enc(bookId)}/reviews`, { auth: 'required', body: draft }),
    editReview: (bookId, version, draft) =>
      call('PUT', `/books/${enc(bookId)}/reviews/mine`, { auth: 'required', body: draft, headers: ifMatch(version) }),
    deleteReview: (bookId, version) => call('DELETE', `/books/${enc(bookId)}/reviews/mine`, { auth: 'required', headers: ifMatch(version) }),

    // Orders. checkout sends the attempt's items with its Idempotency-Key.
    checkout: (attempt) => call('POST', '/orders', { auth: 'required', body: { items: attempt.items }, headers: { 'Idempotency-Key': attempt.key } }),
    listMyOrders: ({ cursor, limit } = {}, signal) => call('GET', `/orders${query({ cursor, limit })}`, { auth: 'required', signal }),
    getOrder: (id, signal) => call('GET', `/orders/${enc(id)}`, { auth: 'required', signal }),
    cancelOrder: (id) => call('POST', `/orders/${enc(id)}/cancel`, { auth: 'required' }),
    listAllOrders: ({ status, cursor, limit } = {}, signal) => call('GET', `/admin/orders${query({ status, cursor, limit })}`, { auth: 'required', signal }),
    setOrderStatus: (id, status) => call('POST', `/admin/orders/${enc(id)}/status`, { auth: 'required', body: { status } }),

    // Accounts.
    // register sends the optional display name only when one is given.
    register: (email, password, name) =>
      call('POST', '/auth/register', { body: name ? { email, password, name } : { email, password } }),
    confirm: (email, code) => call('POST', '/auth/confirm', { body: { email, code } }),
    // resendCode asks for a new confirmation code; the answer is the same
    // whether or not the account exists.
    resendCode: (email) => call('POST', '/auth/resend', { body: { email } }),
    // forgotPassword asks for a password reset code; the answer is the same
    // whether or not the account exists.
    forgotPassword: (email) => call('POST', '/auth/password/forgot', { body: { email } }),
    resetPassword: (email, code, password) => call('POST', '/auth/password/reset', { body: { email, code, password } }),
    // login sends the browser's device id, so that the account's sign-in
    // throttle lets this browser through during an attack (device.js).
    login: async (email, password) => session.signIn(await call('POST', '/auth/login', { body: { email, password, device: device() } })),
    // signOut forgets the tokens at once, then revokes the refresh token so
    // that a copy of it is useless too (a failure there changes nothing
    // for this browser).
    signOut: async () => {
      const refreshToken = session.get()?.tokens?.refreshToken;
      session.signOut();
      if (refreshToken) await send('POST', '/auth/logout', { body: { refreshToken } }).catch(() => {});
    },
  };
}

export { isAbort };
