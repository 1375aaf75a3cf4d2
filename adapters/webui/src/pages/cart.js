// The cart (/cart): lines with current catalog prices (the books are fetched
// again here), quantity controls, remove, subtotal, and checkout with one
// Idempotency-Key per attempt (cart.js). A 409 short-stock answer names the
// books so the shopper can fix the cart; success goes to the order.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { useApp } from '../context.js';
import { useStore } from '../store.js';
import { lineMax, MAX_LINE_QTY } from '../cart.js';
import { formatPrice } from '../format.js';
import { loginHref } from '../router.js';
import { Alert, Cover, Empty, PageTitle, Price } from '../ui.js';

// useCurrentBooks fetches the books of the cart: id → book, or 'missing'
// (404), or undefined while loading or when the fetch failed.
function useCurrentBooks(ids) {
  const { api, cart } = useApp();
  const [books, setBooks] = useState({});
  const [failed, setFailed] = useState(false);
  const [nonce, setNonce] = useState(0);
  const key = [...ids].sort().join(',');
  useEffect(() => {
    const ctl = new AbortController();
    setFailed(false);
    Promise.allSettled(ids.map((id) => api.getBook(id, ctl.signal))).then((results) => {
      if (ctl.signal.aborted) return;
      const next = {};
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') {
          next[ids[i]] = r.value;
          cart.refresh(r.value);
        } else if (r.reason?.status === 404) {
          next[ids[i]] = 'missing';
        } else {
          setFailed(true);
        }
      });
      setBooks(next);
    });
    return () => ctl.abort();
  }, [key, nonce]);
  return { books, failed, reload: () => setNonce((n) => n + 1) };
}

function QtyControl({ line, max }) {
  const { cart, notify } = useApp();
  const id = `qty-${line.bookId}`;
  const set = (q) => {
    const next = Math.max(1, Math.min(max || MAX_LINE_QTY, q));
    if (next !== line.qty) {
      cart.setQty(line.bookId, next);
      notify(`${line.title}: quantity ${next}.`);
    }
  };
  return html`<div class="qty" role="group" aria-label=${`Quantity of ${line.title}`}>
    <button type="button" class="button button--icon" aria-label=${`One fewer ${line.title}`} disabled=${line.qty <= 1}
      data-testid="qty-decrease" onClick=${() => set(line.qty - 1)}>−</button>
    <label class="visually-hidden" for=${id}>Quantity</label>
    <input id=${id} type="number" inputmode="numeric" min="1" max=${max || MAX_LINE_QTY} value=${line.qty} data-testid="qty-input"
      onChange=${(e) => set(Number.parseInt(e.currentTarget.value, 10) || 1)} />
    <button type="button" class="button button--icon" aria-label=${`One more ${line.title}`} disabled=${line.qty >= (max || MAX_LINE_QTY)}
      data-testid="qty-increase" onClick=${() => set(line.qty + 1)}>+</button>
  </div>`;
}

// lineProblem says what keeps a line from being ordered, or ''.
function lineProblem(line, book) {
  if (book === 'missing') return 'This book is no longer available: remove it to check out.';
  if (!book) return '';
  if (book.stock <= 0) return 'Out of stock: remove it to check out.';
  if (line.qty > book.stock) return `Only ${book.stock} left: lower the quantity to check out.`;
  return '';
}

function Checkout({ blocked, onShortStock }) {
  const { api, cart, session, router, notify } = useApp();
  const s = useStore(session);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const inFlight = useRef(false);
  if (!s) {
    return html`<p class="checkout"><a class="button button--primary" href=${loginHref('/cart')} data-testid="checkout-sign-in">Sign in to check out</a></p>`;
  }
  const submit = async () => {
    if (inFlight.current) return; // a second click while the first is on its way
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const attempt = cart.checkoutAttempt();
    try {
      const order = await api.checkout(attempt);
      cart.checkedOut();
      notify('Thank you! Your order is placed.');
      router.navigate(`/orders/${encodeURIComponent(order.id)}?placed=1`);
    } catch (err) {
      if (err.status === 409 && Array.isArray(err.problem.outOfStock)) onShortStock(err.problem.outOfStock);
      if (err.status === 422) cart.forgetAttempt(); // the key belongs to another cart: the next attempt gets a new one
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return html`<div class="checkout">
    ${error && !Array.isArray(error.problem?.outOfStock) && html`<${Alert} kind="error" testid="checkout-error"><p>${error.message}</p>
      ${error.status === 0 && html`<p>Trying again is safe: you will not be charged twice.</p>`}<//>`}
    <button type="button" class="button button--primary button--large" data-testid="checkout" disabled=${busy || blocked}
      aria-busy=${busy ? 'true' : undefined} onClick=${submit}>${busy ? 'Placing your order…' : 'Check out'}</button>
  </div>`;
}

export function CartPage() {
  const { cart, notify } = useApp();
  const items = useStore(cart);
  const { books, failed, reload } = useCurrentBooks(items.map((it) => it.bookId));
  // short maps the books the server found short of stock to the quantity
  // asked; a line stops being marked once its quantity changes.
  const [short, setShort] = useState({});
  if (items.length === 0) {
    return html`<section class="cart">
      <${PageTitle} title="Your cart" />
      <${Empty}><p>Your cart is empty.</p><p><a href="/">Browse the books</a></p><//>
    </section>`;
  }
  const remove = (line) => {
    cart.remove(line.bookId);
    notify(`Removed ${line.title} from your cart.`);
  };
  const priced = items.map((line) => {
    const book = books[line.bookId];
    const current = book && book !== 'missing' ? book : null;
    const unit = current ? current.priceCents : line.priceCents;
    const currency = current ? current.currency : line.currency;
    const isShort = short[line.bookId] === line.qty;
    return { line, book, unit, currency, isShort, problem: lineProblem(line, book) || (isShort ? 'Not enough in stock for this quantity.' : '') };
  });
  const subtotals = {};
  for (const p of priced) if (p.book !== 'missing') subtotals[p.currency] = (subtotals[p.currency] || 0) + p.unit * p.line.qty;
  const blocked = priced.some((p) => lineProblem(p.line, p.book)) || priced.some((p) => p.book === undefined && !failed);
  const shortTitles = priced.filter((p) => p.isShort).map((p) => p.line.title);
  const onShortStock = (ids) => {
    setShort(Object.fromEntries(items.filter((it) => ids.includes(it.bookId)).map((it) => [it.bookId, it.qty])));
    reload();
  };
  return html`<section class="cart">
    <${PageTitle} title="Your cart" />
    ${shortTitles.length > 0 &&
    html`<${Alert} kind="error" testid="out-of-stock">
      <p>Not enough in stock: ${shortTitles.join(', ')}. Lower the quantity or remove ${shortTitles.length === 1 ? 'it' : 'them'}, then check out again.</p><//>`}
    ${failed && html`<${Alert} kind="error"><p>Could not load current prices. <button type="button" class="button button--quiet" onClick=${reload}>Try again</button></p><//>`}
    <ul class="cart-lines" aria-label="Books in your cart">
      ${priced.map(
        ({ line, book, unit, currency, problem }) => html`<li key=${line.bookId} class=${problem ? 'cart-line cart-line--problem' : 'cart-line'} data-testid="cart-line" data-book-id=${line.bookId}>
          <div class="cart-line__cover">${book && book !== 'missing' ? html`<${Cover} book=${book} />` : html`<${Cover} book=${{ id: line.bookId, title: line.title, author: '' }} />`}</div>
          <div class="cart-line__main">
            <h2 class="cart-line__title"><a href=${`/books/${encodeURIComponent(line.bookId)}`}>${line.title}</a></h2>
            <p class="muted"><${Price} cents=${unit} currency=${currency} /> each</p>
            ${problem && html`<p class="field-error" data-testid="line-problem">${problem}</p>`}
            <div class="cart-line__controls">
              ${book !== 'missing' && html`<${QtyControl} line=${line} max=${book ? lineMax(book.stock) || 1 : line.maxQty} />`}
              <button type="button" class="button button--quiet" data-testid="remove-line" aria-label=${`Remove ${line.title} from your cart`}
                onClick=${() => remove(line)}>Remove</button>
            </div>
          </div>
          <p class="cart-line__total"><${Price} cents=${unit * line.qty} currency=${currency} /></p>
        </li>`,
      )}
    </ul>
    <div class="cart-summary">
      <p class="cart-summary__subtotal">Subtotal: <strong data-testid="cart-subtotal">${Object.entries(subtotals)
        .map(([c, cents]) => formatPrice(cents, c))
        .join(' + ')}</strong></p>
      <p class="muted">Shipping and the final total are calculated when you check out.</p>
      <${Checkout} blocked=${blocked} onShortStock=${onShortStock} />
    </div>
  </section>`;
}
