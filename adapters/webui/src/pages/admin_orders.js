// Manage orders (/admin/orders?status=…, admins): orders by status, with the
// moves the state machine allows: PENDING → CONFIRMED → SHIPPED → DELIVERED,
// and cancel up to CONFIRMED.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { useApp } from '../context.js';
import { usePager } from '../resource.js';
import { formatDateTime, formatPrice, shortID } from '../format.js';
import { Empty, ErrorState, LoadMore, Loading, PageTitle, statusLabel } from '../ui.js';

const STATUSES = ['PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED'];
const PAGE_SIZE = 20;

// moves lists the buttons each status offers: [target status, label].
const moves = {
  PENDING: [['CONFIRMED', 'Confirm'], ['CANCELLED', 'Cancel order']],
  CONFIRMED: [['SHIPPED', 'Mark shipped'], ['CANCELLED', 'Cancel order']],
  SHIPPED: [['DELIVERED', 'Mark delivered']],
};

function AdminOrder({ order, onMoved }) {
  const { api, notify } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const move = async (to) => {
    setBusy(true);
    setError('');
    try {
      const updated = to === 'CANCELLED' ? await api.cancelOrder(order.id) : await api.setOrderStatus(order.id, to);
      notify(`Order ${shortID(order.id)} is now ${statusLabel(updated.status).toLowerCase()}.`);
      onMoved(updated);
    } catch (err) {
      setError(err.message);
      setBusy(false);
    }
  };
  return html`<li class="admin-order" data-testid="admin-order" data-order-id=${order.id}>
    <div class="admin-order__head">
      <h2 class="admin-order__title">Order ${shortID(order.id)}</h2>
      <span class="muted">${formatDateTime(order.createdAt)}</span>
      <span class="price">${formatPrice(order.totalCents, order.currency)}</span>
    </div>
    <p class="muted">Customer ${shortID(order.userId)}</p>
    <ul class="admin-order__lines">
      ${order.items.map((it) => html`<li key=${it.bookId}>${it.qty} × ${it.title}</li>`)}
    </ul>
    ${error && html`<p class="field-error" role="alert">${error}</p>`}
    ${moves[order.status] &&
    html`<div class="actions">
      ${moves[order.status].map(
        ([to, label]) => html`<button key=${to} type="button" class=${to === 'CANCELLED' ? 'button button--danger' : 'button button--primary'}
          disabled=${busy} data-testid=${`set-status-${to}`} aria-label=${`${label}: order ${shortID(order.id)}`} onClick=${() => move(to)}>${label}</button>`,
      )}
    </div>`}
  </li>`;
}

export function AdminOrdersPage({ query }) {
  const { api } = useApp();
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : 'PENDING';
  const pager = usePager((cursor, signal) => api.listAllOrders({ status, cursor, limit: PAGE_SIZE }, signal), [status]);
  // A moved order leaves this status's list.
  const moved = (o) => pager.update((items) => items.filter((it) => it.id !== o.id));
  return html`<section class="admin">
    <${PageTitle} title="Manage orders" />
    <nav class="tabs" aria-label="Orders by status">
      ${STATUSES.map(
        (s) => html`<a key=${s} href=${`/admin/orders?status=${s}`} class="tab" aria-current=${s === status ? 'page' : undefined}
          data-testid=${`status-tab-${s}`}>${statusLabel(s)}</a>`,
      )}
    </nav>
    ${pager.status === 'loading' && html`<${Loading} label="Loading orders…" />`}
    ${pager.status === 'error' && html`<${ErrorState} error=${pager.error} retry=${pager.reload} what="the orders" />`}
    ${pager.status === 'ready' && pager.items.length === 0 && html`<${Empty}><p>No ${statusLabel(status).toLowerCase()} orders.</p><//>`}
    ${pager.items.length > 0 &&
    html`<ul class="admin-orders" aria-label=${`${statusLabel(status)} orders`}>
      ${pager.items.map((o) => html`<${AdminOrder} key=${o.id} order=${o} onMoved=${moved} />`)}
    </ul>`}
    <${LoadMore} pager=${pager} label="More orders" />
  </section>`;
}
