// The cart store: lines of { bookId, qty, title, priceCents, currency,
// maxQty }, kept in localStorage so the cart survives reloads and is shared
// by every tab (the storage event). Titles and prices are a snapshot for
// display; the cart page refetches the books and the server prices the order.
//
// Checkout idempotency: an attempt is { key, items } — one Idempotency-Key
// and the exact cart it was made for — stored before the request is sent. A
// retry of the same cart (double click, network error, reload while the
// request was in flight) reuses the key, so the server answers with the same
// order instead of placing a second one. A changed cart gets a new key. The
// attempt is dropped when checkout succeeds.
import { createStore } from './store.js';
import { onOtherTabChange, readJSON, writeJSON } from './persist.js';

const CART_KEY = 'bookshop.cart.v1';
const ATTEMPT_KEY = 'bookshop.checkout.v1';

// Limits of one order (domain/order.go: MaxLineQty, MaxOrderLines).
export const MAX_LINE_QTY = 10;
export const MAX_LINES = 25;

// lineMax is the most of a book one line may hold: its stock, at most
// MAX_LINE_QTY.
export const lineMax = (stock) => Math.max(0, Math.min(MAX_LINE_QTY, stock));

function clean(items) {
  if (!Array.isArray(items)) return [];
  return items
    .filter((it) => it && typeof it.bookId === 'string' && Number.isInteger(it.qty) && it.qty > 0)
    .slice(0, MAX_LINES)
    .map((it) => ({ ...it, qty: Math.min(it.qty, MAX_LINE_QTY) }));
}

// newKey returns a random UUID; crypto.randomUUID exists only in secure
// contexts (https, localhost), getRandomValues everywhere.
function newKey(crypto) {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createCart(win) {
  const storage = win.localStorage;
  const store = createStore(clean(readJSON(storage, CART_KEY)?.items));
  onOtherTabChange(win, CART_KEY, () => store.set(clean(readJSON(storage, CART_KEY)?.items)));

  const save = (items) => {
    writeJSON(storage, CART_KEY, { items });
    store.set(items);
  };
  const find = (bookId) => store.get().find((it) => it.bookId === bookId);

  return {
    ...store,
    count: () => store.get().reduce((n, it) => n + it.qty, 0),
    qtyOf: (bookId) => find(bookId)?.qty || 0,
    // add adds qty of book, bounded by its stock and MAX_LINE_QTY; it returns
    // the quantity now in the cart, or throws when the cart has no room.
    add(book, qty) {
      const max = lineMax(book.stock);
      const line = find(book.id);
      if (!line && store.get().length >= MAX_LINES) {
        throw new Error(`An order holds at most ${MAX_LINES} different books.`);
      }
      const total = Math.min(max, (line?.qty || 0) + qty);
      if (total < 1) throw new Error('This book is out of stock.');
      const next = { bookId: book.id, qty: total, title: book.title, priceCents: book.priceCents, currency: book.currency, maxQty: max };
      save(line ? store.get().map((it) => (it.bookId === book.id ? next : it)) : [...store.get(), next]);
      return total;
    },
    setQty(bookId, qty) {
      const q = Math.max(1, Math.min(MAX_LINE_QTY, Math.trunc(qty) || 1));
      save(store.get().map((it) => (it.bookId === bookId ? { ...it, qty: q } : it)));
    },
    // refresh updates a line's snapshot from the current book.
    refresh(book) {
      if (!find(book.id)) return;
      save(store.get().map((it) =>
        it.bookId === book.id ? { ...it, title: book.title, priceCents: book.priceCents, currency: book.currency, maxQty: lineMax(book.stock) } : it,
      ));
    },
    remove(bookId) {
      save(store.get().filter((it) => it.bookId !== bookId));
    },
    // checkoutAttempt returns { key, items } for the cart as it is: the
    // stored attempt when it was made for exactly these items, else a new
    // one, stored before it is returned.
    checkoutAttempt() {
      const items = store.get().map(({ bookId, qty }) => ({ bookId, qty }));
      const stored = readJSON(storage, ATTEMPT_KEY);
      if (stored?.key && JSON.stringify(stored.items) === JSON.stringify(items)) return stored;
      const attempt = { key: newKey(win.crypto), items };
      writeJSON(storage, ATTEMPT_KEY, attempt);
      return attempt;
    },
    // forgetAttempt drops the stored attempt (the server refused its key).
    forgetAttempt() {
      writeJSON(storage, ATTEMPT_KEY, null);
    },
    // checkedOut empties the cart and drops the attempt: the order exists.
    checkedOut() {
      writeJSON(storage, ATTEMPT_KEY, null);
      save([]);
    },
  };
}
