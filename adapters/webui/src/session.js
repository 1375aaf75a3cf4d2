// The session store: the shopper's tokens from POST /api/auth/login and what
// the app reads from them (user id, email, admin or not, expiry).
//
// Where the tokens live, and why: they are kept in localStorage, so a reload
// or a second tab stays signed in. The trade-off is that any script running
// on this origin can read localStorage, so a cross-site-scripting hole would
// leak them. The app closes that door as far as it can: a strict
// Content-Security-Policy (scripts from this origin only, no inline script),
// all catalog and user text rendered as text (never as HTML), and no
// third-party scripts. The alternative, httpOnly cookies, needs a
// server-side session in front of the API (a "backend for frontend"), which a
// stateless API Gateway + Lambda API does not have; keeping the tokens in
// memory only would sign the shopper out on every reload. The access token
// lives one hour and is refreshed shortly before it expires (api.js); the
// server is the one that enforces every permission.
import { createStore } from './store.js';
import { onOtherTabChange, readJSON, writeJSON } from './persist.js';

const KEY = 'bookshop.session.v1';

// ADMIN_GROUP is the Cognito group of administrators (app.AdminGroup).
export const ADMIN_GROUP = 'admin';

// decodeJWT returns a JWT's payload without verifying it: the browser only
// reads claims for display and timing; the API verifies every token.
export function decodeJWT(token) {
  try {
    const part = String(token).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

// sessionFrom derives the session from stored tokens, or null.
function sessionFrom(tokens) {
  if (!tokens?.accessToken || !tokens?.refreshToken) return null;
  const access = decodeJWT(tokens.accessToken);
  if (!access?.sub) return null;
  const id = decodeJWT(tokens.idToken) || {};
  const groups = access['cognito:groups'] || [];
  return {
    tokens,
    userId: access.sub,
    email: id.email || '',
    isAdmin: Array.isArray(groups) && groups.includes(ADMIN_GROUP),
    // expiresAt is when the access token expires, in ms since the epoch.
    expiresAt: (access.exp || 0) * 1000,
  };
}

// createSession returns the session store: get() is null when signed out.
export function createSession(win) {
  const storage = win.localStorage;
  const store = createStore(sessionFrom(readJSON(storage, KEY)));
  onOtherTabChange(win, KEY, () => store.set(sessionFrom(readJSON(storage, KEY))));
  return {
    ...store,
    // signIn stores tokens from login or refresh. A refresh answer without
    // a refresh token keeps the current one (Cognito does not rotate it).
    signIn(tokens) {
      const current = store.get()?.tokens;
      const next = {
        accessToken: tokens.accessToken,
        idToken: tokens.idToken || current?.idToken || '',
        refreshToken: tokens.refreshToken || current?.refreshToken || '',
      };
      writeJSON(storage, KEY, next);
      store.set(sessionFrom(next));
    },
    signOut() {
      writeJSON(storage, KEY, null);
      store.set(null);
    },
  };
}
