// The device id: a random id this browser makes once, keeps in localStorage
// and sends with every sign-in (POST /api/auth/login's "device"). The server
// lets a device an account signed in with before past the account's sign-in
// throttle from any network, so an attack on the account does not slow its
// owner down on a new network (OWASP's "device cookie"). It identifies the
// browser, not the shopper: it stays when they sign out, and it signs
// nobody in (the password is still needed).
import { readJSON, writeJSON } from './persist.js';

const KEY = 'bookshop.device.v1';

// ID is the shape the API accepts: 16 bytes in base64url without padding.
const ID = /^[A-Za-z0-9_-]{22}$/;

// newID returns 16 random bytes in base64url without padding (22 characters).
function newID(crypto) {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// createDevice returns a function that returns this browser's device id,
// made and stored the first time it is asked for. When storage is
// unavailable the id lasts as long as the page.
export function createDevice(win) {
  let id = null;
  return () => {
    const stored = readJSON(win.localStorage, KEY);
    if (typeof stored === 'string' && ID.test(stored)) return (id = stored);
    if (!id) id = newID(win.crypto);
    writeJSON(win.localStorage, KEY, id);
    return id;
  };
}
