// Best sellers (/bestsellers?period=30d&category=): the books with the most
// units sold in orders not cancelled, all time or in the last 30 days. The
// catalog shows a strip of them (BestSellersStrip) once its own books have
// loaded, so the catalog's first view still starts with its one request.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { useResource } from '../resource.js';
import { categoryLabel } from '../format.js';
import { Cover, Empty, ErrorState, Loading, PageTitle, Price } from '../ui.js';

const PAGE_LIMIT = 20;
const STRIP_LIMIT = 6;

function RankedBook({ item, rank, eager }) {
  const b = item.book;
  return html`<li class="ranked-book" data-testid="bestseller" data-book-id=${b.id}>
    <a class="ranked-book__link" href=${`/books/${encodeURIComponent(b.id)}`}>
      <span class="ranked-book__rank" aria-hidden="true">${rank}</span>
      <${Cover} book=${b} eager=${eager} />
      <span class="ranked-book__title">${b.title}</span>
    </a>
    <span class="ranked-book__author">${b.author}</span>
    <span class="ranked-book__meta"><${Price} cents=${b.priceCents} currency=${b.currency} /> · <span data-testid="bestseller-count">${item.count} sold</span></span>
  </li>`;
}

export function BestSellersPage({ query }) {
  const { api, router } = useApp();
  const period = query.get('period') === '30d' ? '30d' : 'all';
  const category = query.get('category') || '';
  const list = useResource((signal) => api.bestSellers({ period: period === 'all' ? undefined : period, category, limit: PAGE_LIMIT }, signal), [period, category]);
  const setPeriod = (p) => {
    const q = new URLSearchParams(query);
    if (p === 'all') q.delete('period');
    else q.set('period', p);
    const s = q.toString();
    router.navigate(s ? `/bestsellers?${s}` : '/bestsellers');
  };
  const title = category ? `Best sellers in ${categoryLabel(category)}` : 'Best sellers';
  const items = list.data?.items || [];
  return html`<section class="bestsellers" data-testid="bestsellers-page">
    <div class="page-head">
      <${PageTitle} title=${title} />
      <div class="filters">
        <div class="field field--inline">
          <label for="bestsellers-period">Period</label>
          <select id="bestsellers-period" data-testid="bestsellers-period" value=${period} onChange=${(e) => setPeriod(e.currentTarget.value)}>
            <option value="all">All time</option>
            <option value="30d">Last 30 days</option>
          </select>
        </div>
      </div>
    </div>
    ${list.status === 'loading' && html`<${Loading} label="Loading best sellers…" />`}
    ${list.status === 'error' && html`<${ErrorState} error=${list.error} retry=${list.reload} what="the best sellers" />`}
    ${list.status === 'ready' && items.length === 0 &&
    html`<${Empty}><p data-testid="bestsellers-empty">No sales ${period === '30d' ? 'in the last 30 days' : 'yet'}.</p><p><a href="/">Browse all books</a></p><//>`}
    ${items.length > 0 &&
    html`<ol class="ranked-books ranked-books--page" aria-label=${title}>
      ${items.map((it, i) => html`<${RankedBook} key=${it.book.id} item=${it} rank=${i + 1} eager=${i < 4} />`)}
    </ol>`}
  </section>`;
}

// BestSellersStrip shows the category's best sellers (all categories when
// none) above the catalog. It renders nothing until it has some, and
// nothing when it fails: the catalog matters more.
export function BestSellersStrip({ category }) {
  const { api } = useApp();
  const list = useResource((signal) => api.bestSellers({ category, limit: STRIP_LIMIT }, signal), [category]);
  const items = list.data?.items || [];
  if (items.length === 0) return null;
  const more = category ? `/bestsellers?category=${encodeURIComponent(category)}` : '/bestsellers';
  return html`<section class="bestsellers-strip" aria-labelledby="bestsellers-strip-title" data-testid="bestsellers-strip">
    <div class="bestsellers-strip__head">
      <h2 id="bestsellers-strip-title">Best sellers</h2>
      <a href=${more} data-testid="bestsellers-more">See all best sellers</a>
    </div>
    <ol class="ranked-books">
      ${items.map((it, i) => html`<${RankedBook} key=${it.book.id} item=${it} rank=${i + 1} />`)}
    </ol>
  </section>`;
}

// AlsoBought is the book page's "Customers also bought": the books most
// often ordered with this one. It renders nothing without any.
export function AlsoBought({ bookId }) {
  const { api } = useApp();
  const list = useResource((signal) => api.alsoBought(bookId, { limit: STRIP_LIMIT }, signal), [bookId]);
  const items = list.data?.items || [];
  if (items.length === 0) return null;
  return html`<section class="also-bought" aria-labelledby="also-bought-title" data-testid="also-bought">
    <h2 id="also-bought-title">Customers also bought</h2>
    <ul class="ranked-books">
      ${items.map(
        (it) => html`<li class="ranked-book" key=${it.book.id} data-testid="also-bought-book" data-book-id=${it.book.id}>
          <a class="ranked-book__link" href=${`/books/${encodeURIComponent(it.book.id)}`}>
            <${Cover} book=${it.book} />
            <span class="ranked-book__title">${it.book.title}</span>
          </a>
          <span class="ranked-book__author">${it.book.author}</span>
          <span class="ranked-book__meta"><${Price} cents=${it.book.priceCents} currency=${it.book.currency} /></span>
        </li>`,
      )}
    </ul>
  </section>`;
}
