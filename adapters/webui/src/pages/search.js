// Search results (/search?q=): the books whose title, author or category
// match every word (the last as a prefix), best first, with "Load more".
// The query lives in the URL, so results are deep-linkable and survive a
// reload; the header's search box fills it.
import { useRef } from 'preact/hooks';
import { html } from '../html.js';
import { useApp } from '../context.js';
import { usePager } from '../resource.js';
import { Empty, ErrorState, LoadMore, Loading, PageTitle } from '../ui.js';
import { BookCard } from './catalog.js';

const PAGE_SIZE = 12;
// MIN_QUERY and MAX_QUERY are the API's bounds on q (app.MinSearchQueryLen…).
export const MIN_QUERY = 2;
export const MAX_QUERY = 100;

export function SearchPage({ query }) {
  const { api } = useApp();
  const q = (query.get('q') || '').trim();
  const valid = q.length >= MIN_QUERY && q.length <= MAX_QUERY;
  const listRef = useRef(null);
  const pager = usePager(
    (cursor, signal) => (valid ? api.search({ q, limit: PAGE_SIZE, cursor }, signal) : Promise.resolve({ items: [], nextCursor: null })),
    [q],
  );
  const loadMore = async () => {
    const before = pager.items.length;
    if ((await pager.loadMore()) > 0) {
      requestAnimationFrame(() => listRef.current?.querySelectorAll('.book-card__link')[before]?.focus());
    }
  };
  const title = valid ? `Results for “${q}”` : 'Search';
  return html`<section class="search" data-testid="search-page">
    <div class="page-head"><${PageTitle} title=${title} /></div>
    ${!valid &&
    html`<${Empty}><p data-testid="search-hint">${q.length > MAX_QUERY
      ? `Search for at most ${MAX_QUERY} characters.`
      : `Type at least ${MIN_QUERY} characters of a title, an author or a category in the search box.`}</p><//>`}
    ${valid && pager.status === 'loading' && html`<${Loading} label="Searching…" />`}
    ${valid && pager.status === 'error' && html`<${ErrorState} error=${pager.error} retry=${pager.reload} what="the results" />`}
    ${valid && pager.status === 'ready' && pager.items.length === 0 && !pager.more &&
    html`<${Empty}><p data-testid="search-empty">No books match “${q}”.</p><p><a href="/">Browse all books</a></p><//>`}
    ${pager.items.length > 0 &&
    html`<ul class="book-grid" ref=${listRef} aria-label="Search results" data-testid="search-results">
      ${pager.items.map((b, i) => html`<${BookCard} key=${b.id} book=${b} eager=${i < 4} />`)}
    </ul>`}
    <${LoadMore} pager=${{ ...pager, loadMore }} label="More results" testid="search-load-more" />
  </section>`;
}
