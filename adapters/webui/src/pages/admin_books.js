// Manage books (/admin/books, admins): every book by title with price,
// stock and cover state; links to add and edit.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { usePager } from '../resource.js';
import { categoryLabel } from '../format.js';
import { Cover, Empty, ErrorState, LoadMore, Loading, PageTitle, Price } from '../ui.js';

const PAGE_SIZE = 25;

export function AdminBooksPage() {
  const { api } = useApp();
  const pager = usePager((cursor, signal) => api.listBooks({ sort: 'title', limit: PAGE_SIZE, cursor }, signal), []);
  return html`<section class="admin">
    <div class="page-head">
      <${PageTitle} title="Manage books" />
      <a class="button button--primary" href="/admin/books/new" data-testid="admin-new-book">Add a book</a>
    </div>
    ${pager.status === 'loading' && html`<${Loading} label="Loading books…" />`}
    ${pager.status === 'error' && html`<${ErrorState} error=${pager.error} retry=${pager.reload} what="the books" />`}
    ${pager.status === 'ready' && pager.items.length === 0 && html`<${Empty}><p>No books yet. <a href="/admin/books/new">Add the first one</a>.</p><//>`}
    ${pager.items.length > 0 &&
    html`<div class="table-scroll"><table class="admin-table">
      <caption class="visually-hidden">Books, by title</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">Cover</span></th><th scope="col">Title</th><th scope="col">Category</th>
        <th scope="col" class="num">Price</th><th scope="col" class="num">Stock</th></tr></thead>
      <tbody>
        ${pager.items.map(
          (b) => html`<tr key=${b.id} data-testid="admin-book-row" data-book-id=${b.id}>
            <td class="admin-table__cover"><${Cover} book=${b} /></td>
            <th scope="row"><a href=${`/admin/books/${encodeURIComponent(b.id)}`}>${b.title}</a><br /><span class="muted">${b.author}</span></th>
            <td>${categoryLabel(b.category)}</td>
            <td class="num"><${Price} cents=${b.priceCents} currency=${b.currency} /></td>
            <td class="num">${b.stock}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`}
    <${LoadMore} pager=${pager} label="More books" />
  </section>`;
}
