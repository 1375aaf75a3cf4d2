// Small shared components: page heading, loading / error / empty states,
// form fields, prices, ratings, stock and covers.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from './context.js';
import { html } from './html.js';
import { formatPrice, stockState } from './format.js';

// PageTitle is the page's h1 and sets the document title. After a
// navigation (app.js) focus moves to the h1; a page that swaps its heading
// once its data arrives (loading → loaded) takes the focus along when it
// was on the old heading or nowhere.
export function PageTitle({ title, children }) {
  const { titleFocus } = useApp();
  const ref = useRef(null);
  useEffect(() => {
    document.title = title ? `${title} · Bookshop` : 'Bookshop';
  }, [title]);
  useEffect(() => {
    const active = document.activeElement;
    if (titleFocus.afterNavigation && (!active || active === document.body || active.tagName === 'H1')) {
      ref.current?.focus({ preventScroll: true });
    }
  }, []);
  return html`<h1 tabindex="-1" class="page-title" ref=${ref}>${children || title}</h1>`;
}

export function Loading({ label = 'Loading…' }) {
  return html`<p class="state state--loading" role="status"><span class="spinner" aria-hidden="true"></span>${label}</p>`;
}

// ErrorState explains a failed load and offers to try again.
export function ErrorState({ error, retry, what = 'this page' }) {
  return html`<div class="state state--error" role="alert">
    <p><strong>Could not load ${what}.</strong> ${error?.message || ''}</p>
    ${retry && html`<button type="button" class="button" onClick=${retry}>Try again</button>`}
  </div>`;
}

export function Empty({ children }) {
  return html`<div class="state state--empty">${children}</div>`;
}

// Alert is a message inside a page: kind is 'error', 'success' or 'info'.
// Errors and successes are announced (role alert / status).
export function Alert({ kind = 'info', children, testid }) {
  return html`<div class="alert alert--${kind}" role=${kind === 'error' ? 'alert' : 'status'} data-testid=${testid}>${children}</div>`;
}

// PASSWORD_HINT describes domain.PasswordPolicy where a password is chosen.
export const PASSWORD_HINT = 'At least 8 characters with an upper-case letter, a lower-case letter and a digit.';

// Field is a labelled form control with an optional hint and error; control
// renders the input from the attributes it must carry (id, aria-*).
export function Field({ id, label, hint, error, control }) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return html`<div class=${error ? 'field field--invalid' : 'field'}>
    <label for=${id}>${label}</label>
    ${control({ id, name: id, 'aria-describedby': described, 'aria-invalid': error ? 'true' : undefined })}
    ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
    ${error && html`<p class="field-error" id=${`${id}-error`}>${error}</p>`}
  </div>`;
}

// FormErrors shows a failed submission: the message and the field errors
// the form has no field for.
export function FormErrors({ error, shown = [] }) {
  if (!error) return null;
  const rest = Object.entries(error.fields || {}).filter(([f]) => !shown.includes(f));
  return html`<div class="alert alert--error" role="alert">
    <p>${error.message}</p>
    ${rest.length > 0 && html`<ul>${rest.map(([f, m]) => html`<li key=${f}>${f}: ${m}</li>`)}</ul>`}
  </div>`;
}

export const Price = ({ cents, currency }) => html`<span class="price">${formatPrice(cents, currency)}</span>`;

// Stars shows a rating of 0–5 as stars for the eye; label carries it for
// screen readers.
export function Stars({ value, label }) {
  const full = Math.round(value);
  return html`<span class="stars"><span aria-hidden="true">${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span><span class="visually-hidden">${label}</span></span>`;
}

// Rating is a book's average rating and review count.
export function Rating({ rating }) {
  const count = rating?.count || 0;
  if (!count) return html`<span class="rating rating--none">No reviews yet</span>`;
  const avg = rating.average.toFixed(1);
  return html`<span class="rating"><${Stars} value=${rating.average} label=${`Rated ${avg} out of 5`} /> <span>${avg}</span>${' '}<span class="muted"
    >(${count} ${count === 1 ? 'review' : 'reviews'})</span></span>`;
}

export function Stock({ stock }) {
  const s = stockState(stock);
  return html`<span class=${`stock stock--${s.kind}`}>${s.label}</span>`;
}

// hue picks one of eight placeholder colours from a book id.
function hue(id) {
  let n = 0;
  for (const c of String(id)) n = (n * 31 + c.charCodeAt(0)) >>> 0;
  return n % 8;
}

// Cover shows a book's cover thumbnail (1x and 2x), or a placeholder with the
// title while the book has no cover or its thumbnails are not made yet.
// size 'large' prefers the full image (the book page). timing names the
// image for the Element Timing API (elementtiming), so that the time of its
// first paint is measurable (the catalog marks its covers "cover").
export function Cover({ book, eager = false, size = 'thumb', timing }) {
  const c = book.cover;
  const [failed, setFailed] = useState(false);
  const w = size === 'large' ? 300 : 200;
  const h = size === 'large' ? 420 : 280;
  let src = '';
  let srcset;
  if (c && !failed) {
    if (size === 'large') {
      src = c.url || c.thumbnail2xUrl || c.thumbnailUrl || '';
    } else if (c.thumbnailUrl) {
      src = c.thumbnailUrl;
      srcset = c.thumbnail2xUrl ? `${c.thumbnailUrl} 1x, ${c.thumbnail2xUrl} 2x` : undefined;
    }
  }
  if (!src) {
    return html`<div class=${`cover cover--${size} cover--placeholder cover--hue-${hue(book.id)}`} aria-hidden="true">
      <span class="cover__title">${book.title}</span><span class="cover__author">${book.author}</span>
    </div>`;
  }
  return html`<img class=${`cover cover--${size}`} src=${src} srcset=${srcset} width=${w} height=${h}
    alt=${size === 'large' ? `Cover of ${book.title}` : ''} loading=${eager ? 'eager' : 'lazy'} decoding="async" elementtiming=${timing}
    onError=${() => setFailed(true)} />`;
}

// LoadMore is the "Load more" button of a paginated list.
export function LoadMore({ pager, label = 'Load more', testid = 'load-more' }) {
  if (!pager.more && pager.moreStatus !== 'error') return null;
  return html`<div class="load-more">
    ${pager.moreStatus === 'error' && html`<p class="field-error" role="alert">${pager.moreError?.message}</p>`}
    <button type="button" class="button" data-testid=${testid} disabled=${pager.moreStatus === 'loading'}
      aria-busy=${pager.moreStatus === 'loading' ? 'true' : undefined} onClick=${pager.loadMore}>
      ${pager.moreStatus === 'loading' ? 'Loading…' : label}
    </button>
  </div>`;
}

const statusLabels = {
  PENDING: 'Pending',
  CONFIRMED: 'Confirmed',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};

export const statusLabel = (s) => statusLabels[s] || s;

export const StatusBadge = ({ status }) => html`<span class=${`badge badge--${String(status).toLowerCase()}`}>${statusLabel(status)}</span>`;

// useFormState holds a form's values: [values, bind(name) → input props, set].
export function useFormState(initial) {
  const [values, setValues] = useState(initial);
  const bind = (name) => ({
    value: values[name],
    onInput: (e) => {
      const v = e.currentTarget.value;
      setValues((s) => ({ ...s, [name]: v }));
    },
  });
  return [values, bind, setValues];
}

// useSubmit runs action for a form or button: { busy, error, submit,
// setError }. busy is true while action runs; error is what it threw.
// submit takes the event (its default is prevented) or nothing.
export function useSubmit(action) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const mounted = useRef(true);
  useEffect(() => () => (mounted.current = false), []);
  const submit = async (e) => {
    e?.preventDefault?.();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      if (mounted.current) setError(err);
    } finally {
      if (mounted.current) setBusy(false);
    }
  };
  return { busy, error, submit, setError };
}
