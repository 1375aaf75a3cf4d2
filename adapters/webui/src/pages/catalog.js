// The catalog (/): books with covers, price, rating and stock; a category
// filter and a sort order kept in the URL (?category=&sort=); "Load more"
// follows the API's cursor. The first view makes one request for the books;
// the best-sellers strip asks for its own only once they have loaded.
import { useRef } from 'preact/hooks';
import { html } from '../html.js';
import { useApp } from '../context.js';
import { useStore } from '../store.js';
import { usePager } from '../resource.js';
import { categoryLabel } from '../format.js';
import { Cover, Empty, ErrorState, LoadMore, Loading, PageTitle, Price, Rating, Stock } from '../ui.js';
import { BestSellersStrip } from './bestsellers.js';

const PAGE_SIZE = 12;
// EAGER_COVERS load at once (the first row on a wide screen); the rest lazily.
const EAGER_COVERS = 4;

export function BookCard({ book, eager }) {
  return html`<li class="book-card" data-testid="book-card" data-book-id=${book.id}>
    <a class="book-card__link" href=${`/books/${encodeURIComponent(book.id)}`}>
      <${Cover} book=${book} eager=${eager} timing="cover" />
      <h2 class="book-card__title">${book.title}</h2>
    </a>
    <p class="book-card__author">${book.author}</p>
    <p class="book-card__meta"><${Price} cents=${book.priceCents} currency=${book.currency} /> <${Stock} stock=${book.stock} /></p>
    <p class="book-card__rating"><${Rating} rating=${book.rating} /></p>
  </li>`;
}

export function CatalogPage({ query }) {
  const { api, router, categories } = useApp();
  const category = query.get('category') || '';
  const sort = query.get('sort') === 'title' ? 'title' : 'newest';
  const known = useStore(categories);
  const options = category && !known.includes(category) ? [...known, category].sort() : known;
  const listRef = useRef(null);
  const pager = usePager(
    (cursor, signal) =>
      api.listBooks({ category, sort, limit: PAGE_SIZE, cursor }, signal).then((page) => {
        categories.see(page.items || []);
        return page;
      }),
    [category, sort],
  );

  const setParam = (name, value) => {
    const q = new URLSearchParams(query);
    if (value) q.set(name, value);
    else q.delete(name);
    q.delete('cursor');
    const s = q.toString();
    router.navigate(s ? `/?${s}` : '/');
  };

  // loadMore appends the next page and moves focus to its first book.
  const loadMore = async () => {
    const before = pager.items.length;
    if ((await pager.loadMore()) > 0) {
      requestAnimationFrame(() => listRef.current?.querySelectorAll('.book-card__link')[before]?.focus());
    }
  };

  const title = category ? categoryLabel(category) : 'All books';
  return html`<section class="catalog">
    <div class="page-head">
      <${PageTitle} title=${title} />
      <div class="filters">
        <div class="field field--inline">
          <label for="filter-category">Category</label>
          <select id="filter-category" data-testid="filter-category" value=${category} onChange=${(e) => setParam('category', e.currentTarget.value)}>
            <option value="">All categories</option>
            ${options.map((c) => html`<option key=${c} value=${c}>${categoryLabel(c)}</option>`)}
          </select>
        </div>
        <div class="field field--inline">
          <label for="filter-sort">Sort by</label>
          <select id="filter-sort" data-testid="filter-sort" value=${sort} onChange=${(e) => setParam('sort', e.currentTarget.value === 'newest' ? '' : e.currentTarget.value)}>
            <option value="newest">Newest first</option>
            <option value="title">Title A–Z</option>
          </select>
        </div>
      </div>
    </div>
    ${pager.status === 'ready' && pager.items.length > 0 && html`<${BestSellersStrip} category=${category} />`}
    ${pager.status === 'loading' && html`<${Loading} label="Loading books…" />`}
    ${pager.status === 'error' && html`<${ErrorState} error=${pager.error} retry=${pager.reload} what="the books" />`}
    ${pager.status === 'ready' && pager.items.length === 0 &&
    html`<${Empty}><p>${category ? `No books in ${title} yet.` : 'The shop has no books yet.'}</p>
      ${category && html`<p><a href="/">Show all books</a></p>`}<//>`}
    ${pager.items.length > 0 &&
    html`<ul class="book-grid" ref=${listRef} aria-label="Books">
      ${pager.items.map((b, i) => html`<${BookCard} key=${b.id} book=${b} eager=${i < EAGER_COVERS} />`)}
    </ul>`}
    <${LoadMore} pager=${{ ...pager, loadMore }} label="Load more books" />
  </section>`;
}
