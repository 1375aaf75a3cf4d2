// My orders (/orders): the signed-in shopper's orders, newest first,
// paginated.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { usePager } from '../resource.js';
import { formatDate, formatPrice, plural, shortID } from '../format.js';
import { Empty, ErrorState, LoadMore, Loading, PageTitle, StatusBadge } from '../ui.js';

const PAGE_SIZE = 10;

export function OrdersPage() {
  const { api } = useApp();
  const pager = usePager((cursor, signal) => api.listMyOrders({ cursor, limit: PAGE_SIZE }, signal), []);
  return html`<section class="orders">
    <${PageTitle} title="My orders" />
    ${pager.status === 'loading' && html`<${Loading} label="Loading your orders…" />`}
    ${pager.status === 'error' && html`<${ErrorState} error=${pager.error} retry=${pager.reload} what="your orders" />`}
    ${pager.status === 'ready' && pager.items.length === 0 && html`<${Empty}><p>You have no orders yet.</p><p><a href="/">Browse the books</a></p><//>`}
    ${pager.items.length > 0 &&
    html`<ul class="order-list" aria-label="Orders">
      ${pager.items.map(
        (o) => html`<li key=${o.id} class="order-row" data-testid="order-row" data-order-id=${o.id}>
          <a class="order-row__link" href=${`/orders/${encodeURIComponent(o.id)}`}>Order ${shortID(o.id)}</a>
          <span class="muted">${formatDate(o.createdAt)}</span>
          <span>${plural(o.items.reduce((n, it) => n + it.qty, 0), 'book')}</span>
          <span class="price">${formatPrice(o.totalCents, o.currency)}</span>
          <${StatusBadge} status=${o.status} />
        </li>`,
      )}
    </ul>`}
    <${LoadMore} pager=${pager} label="More orders" />
  </section>`;
}
