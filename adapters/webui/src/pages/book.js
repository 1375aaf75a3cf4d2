// A book (/books/{id}): cover, details, rating, add to cart, reviews
// (paginated) and the signed-in shopper's own review (write, edit with
// If-Match, delete). A missing book shows the not-found page.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { useApp } from '../context.js';
import { useStore } from '../store.js';
import { usePager, useResource } from '../resource.js';
import { lineMax } from '../cart.js';
import { categoryLabel, formatDate } from '../format.js';
import { loginHref } from '../router.js';
import { Alert, Cover, Empty, ErrorState, Field, FormErrors, LoadMore, Loading, PageTitle, Price, Rating, Stars, Stock, useSubmit } from '../ui.js';
import { NotFoundPage } from './not_found.js';
import { AlsoBought } from './bestsellers.js';

const REVIEWS_PAGE = 5;
// MAX_REVIEW_TEXT is domain.MaxReviewTextLen.
const MAX_REVIEW_TEXT = 2000;

function AddToCart({ book }) {
  const { cart, notify } = useApp();
  useStore(cart);
  const inCart = cart.qtyOf(book.id);
  const room = lineMax(book.stock) - inCart;
  const [qty, setQty] = useState(1);
  const [error, setError] = useState('');
  if (book.stock <= 0) {
    return html`<p class="add-to-cart__note">This book is out of stock.</p>`;
  }
  const submit = (e) => {
    e.preventDefault();
    try {
      const n = Math.max(1, Math.min(room, qty));
      const total = cart.add(book, n);
      setError('');
      setQty(1);
      notify(`Added ${n} × ${book.title} to your cart (${total} in cart).`);
    } catch (err) {
      setError(err.message);
    }
  };
  return html`<form class="add-to-cart" onSubmit=${submit} aria-label="Add to cart">
    ${room > 0
      ? html`<div class="field field--inline">
            <label for="qty">Quantity</label>
            <input id="qty" type="number" inputmode="numeric" min="1" max=${room} step="1" value=${qty} data-testid="add-qty"
              onInput=${(e) => setQty(Number.parseInt(e.currentTarget.value, 10) || 1)} />
          </div>
          <button type="submit" class="button button--primary" data-testid="add-to-cart">Add to cart</button>`
      : html`<p class="add-to-cart__note">You have the most you can order of this book in your cart.</p>`}
    ${inCart > 0 && html`<p class="add-to-cart__note" data-testid="in-cart">${inCart} in your cart · <a href="/cart">View cart</a></p>`}
    ${error && html`<p class="field-error" role="alert">${error}</p>`}
  </form>`;
}

function ReviewItem({ review }) {
  return html`<li class="review" data-testid="review">
    <p class="review__head"><${Stars} value=${review.rating} label=${`${review.rating} out of 5 stars`} />
      <strong>${review.author || 'A reader'}</strong> <span class="muted">${formatDate(review.createdAt)}</span></p>
    ${review.text && html`<p class="review__text">${review.text}</p>`}
  </li>`;
}

// ReviewForm writes or edits the shopper's review.
function ReviewForm({ bookId, mine, onSaved, onCancel }) {
  const { api, notify } = useApp();
  const [rating, setRating] = useState(mine?.rating || 0);
  const [text, setText] = useState(mine?.text || '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [stale, setStale] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    if (!rating) {
      setError({ message: 'Choose a rating from 1 to 5 stars.', fields: { rating: 'Choose a rating.' } });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = mine ? await api.editReview(bookId, mine.version, { rating, text }) : await api.addReview(bookId, { rating, text });
      notify(mine ? 'Your review is updated.' : 'Thank you for your review.');
      onSaved(saved);
    } catch (err) {
      if (err.status === 412 || err.status === 409) setStale(true);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="review-form" data-testid="review-form" onSubmit=${submit} noValidate>
    <fieldset class=${error?.fields?.rating ? 'field field--invalid' : 'field'}>
      <legend>Your rating</legend>
      <div class="rating-input">
        ${[1, 2, 3, 4, 5].map(
          (n) => html`<label key=${n}><input type="radio" name="rating" value=${n} checked=${rating === n} data-testid=${`review-rating-${n}`}
            onChange=${() => setRating(n)} /> ${n} ${n === 1 ? 'star' : 'stars'}</label>`,
        )}
      </div>
      ${error?.fields?.rating && html`<p class="field-error">${error.fields.rating}</p>`}
    </fieldset>
    <${Field} id="review-text" label="Your review (optional)" hint=${`Up to ${MAX_REVIEW_TEXT} characters.`} error=${error?.fields?.text}
      control=${(a) => html`<textarea ...${a} rows="4" maxlength=${MAX_REVIEW_TEXT} value=${text} data-testid="review-text"
        onInput=${(e) => setText(e.currentTarget.value)}></textarea>`} />
    <${FormErrors} error=${error} shown=${['rating', 'text']} />
    ${stale && html`<p>Your review changed elsewhere. <button type="button" class="button button--quiet" onClick=${onCancel}>Reload it</button></p>`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${busy} data-testid="review-submit">${mine ? 'Save review' : 'Post review'}</button>
      ${mine && html`<button type="button" class="button" onClick=${onCancel}>Cancel</button>`}
    </div>
  </form>`;
}

// useMyReview finds the signed-in shopper's review of the book: { status,
// data (the review or null), error, reload, set }. The list of reviews holds
// every review, so while it is fully loaded it answers without a request;
// only when the review is not among the pages loaded so far (or the list
// failed) is it asked for (GET …/reviews/mine, a 404 when there is none).
// A book the shopper has not reviewed thus costs no failing request, which
// the browser would log as an error. set records what this page wrote.
function useMyReview(bookId, userId, pager) {
  const { api } = useApp();
  const [written, setWritten] = useState(undefined); // a review, null (deleted) or undefined (nothing written here)
  const listed = pager.items.find((r) => r.userId === userId);
  const ask = written === undefined && !listed && (pager.status === 'error' || (pager.status === 'ready' && pager.more));
  const fetched = useResource((signal) => (ask ? api.getMyReview(bookId, signal) : Promise.resolve(null)), [bookId, ask]);
  const reload = () => {
    setWritten(undefined);
    pager.reload();
    fetched.reload();
  };
  const base = { reload, set: setWritten, error: null };
  if (written !== undefined) return { ...base, status: 'ready', data: written };
  if (listed) return { ...base, status: 'ready', data: listed };
  if (ask) return { ...base, status: fetched.status, data: fetched.data, error: fetched.error };
  if (pager.status === 'loading') return { ...base, status: 'loading', data: undefined };
  return { ...base, status: 'ready', data: null };
}

// MyReview shows the signed-in shopper's review of the book, or the form to
// write one.
function MyReview({ bookId, userId, pager, onChange }) {
  const { api, notify } = useApp();
  const mine = useMyReview(bookId, userId, pager);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { error, submit: remove } = useSubmit(async () => {
    await api.deleteReview(bookId, mine.data.version);
    mine.set(null);
    setConfirming(false);
    notify('Your review is deleted.');
    onChange();
  });
  if (mine.status === 'loading' && mine.data === undefined) return html`<${Loading} label="Loading your review…" />`;
  if (mine.status === 'error') return html`<${ErrorState} error=${mine.error} retry=${mine.reload} what="your review" />`;
  const saved = (r) => {
    mine.set(r);
    setEditing(false);
    onChange();
  };
  if (!mine.data || editing) {
    return html`<section class="my-review" aria-labelledby="my-review-title">
      <h3 id="my-review-title">${mine.data ? 'Edit your review' : 'Write a review'}</h3>
      <${ReviewForm} bookId=${bookId} mine=${mine.data} onSaved=${saved}
        onCancel=${() => {
          setEditing(false);
          mine.reload();
        }} />
    </section>`;
  }
  return html`<section class="my-review" aria-labelledby="my-review-title" data-testid="my-review">
    <h3 id="my-review-title">Your review</h3>
    <ul class="reviews"><${ReviewItem} review=${mine.data} /></ul>
    <${FormErrors} error=${error} />
    <div class="actions">
      <button type="button" class="button" data-testid="review-edit" onClick=${() => setEditing(true)}>Edit</button>
      ${confirming
        ? html`<span class="confirm">Delete your review?
            <button type="button" class="button button--danger" data-testid="review-delete-confirm" onClick=${remove}>Yes, delete</button>
            <button type="button" class="button" onClick=${() => setConfirming(false)}>Keep it</button></span>`
        : html`<button type="button" class="button button--danger" data-testid="review-delete" onClick=${() => setConfirming(true)}>Delete</button>`}
    </div>
  </section>`;
}

function Reviews({ book, onChange }) {
  const { api, session, router } = useApp();
  const s = useStore(session);
  const loc = useStore(router.store);
  const pager = usePager((cursor, signal) => api.listReviews(book.id, { cursor, limit: REVIEWS_PAGE }, signal), [book.id]);
  const changed = () => {
    pager.reload();
    onChange();
  };
  // The shopper's own review is shown above the others.
  const others = s ? pager.items.filter((r) => r.userId !== s.userId) : pager.items;
  return html`<section class="reviews-section" aria-labelledby="reviews-title">
    <h2 id="reviews-title">Reviews</h2>
    ${s
      ? html`<${MyReview} bookId=${book.id} userId=${s.userId} pager=${pager} onChange=${changed} />`
      : html`<p><a href=${loginHref(loc.href)}>Sign in</a> to write a review.</p>`}
    ${pager.status === 'loading' && html`<${Loading} label="Loading reviews…" />`}
    ${pager.status === 'error' && html`<${ErrorState} error=${pager.error} retry=${pager.reload} what="the reviews" />`}
    ${pager.status === 'ready' && others.length === 0 && html`<${Empty}><p>${pager.items.length ? 'No other reviews yet.' : 'No reviews yet.'}</p><//>`}
    ${others.length > 0 && html`<ul class="reviews" aria-label="Reviews by readers">${others.map((r) => html`<${ReviewItem} key=${r.userId} review=${r} />`)}</ul>`}
    <${LoadMore} pager=${pager} label="More reviews" testid="reviews-load-more" />
  </section>`;
}

export function BookPage({ params }) {
  const { api } = useApp();
  const book = useResource((signal) => api.getBook(params.id, signal), [params.id]);
  if (book.status === 'error' && book.error.status === 404) return html`<${NotFoundPage} what="book" />`;
  const b = book.data;
  if (!b) {
    return html`<section>
      <${PageTitle} title=${book.status === 'error' ? 'Book' : 'Loading book…'} />
      ${book.status === 'error' ? html`<${ErrorState} error=${book.error} retry=${book.reload} what="the book" />` : html`<${Loading} label="Loading book…" />`}
    </section>`;
  }
  return html`<article class="book" data-testid="book" data-book-id=${b.id}>
    <div class="book__cover"><${Cover} book=${b} size="large" eager=${true} /></div>
    <div class="book__body">
      <${PageTitle} title=${b.title} />
      <p class="book__author">by ${b.author}</p>
      <p class="book__category"><a href=${`/?category=${encodeURIComponent(b.category)}`}>${categoryLabel(b.category)}</a></p>
      <p class="book__rating"><${Rating} rating=${b.rating} /></p>
      <p class="book__buy"><span class="book__price"><${Price} cents=${b.priceCents} currency=${b.currency} /></span> <${Stock} stock=${b.stock} /></p>
      <${AddToCart} book=${b} />
      ${b.description && html`<div class="book__description"><h2 class="visually-hidden">Description</h2><p>${b.description}</p></div>`}
    </div>
    <div class="book__also"><${AlsoBought} bookId=${b.id} /></div>
    <div class="book__reviews"><${Reviews} book=${b} onChange=${book.reload} /></div>
    ${book.status === 'error' && html`<${Alert} kind="error">${book.error.message}<//>`}
  </article>`;
}
