// An order (/orders/{id}): lines, the server's subtotal, shipping and total,
// its status, and cancel while the owner may (PENDING). After checkout
// (?placed=1) it thanks the shopper.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { useResource } from '../resource.js';
import { formatDateTime, formatPrice, shortID } from '../format.js';
import { Alert, ErrorState, FormErrors, Loading, PageTitle, StatusBadge, useSubmit } from '../ui.js';
import { NotFoundPage } from './not_found.js';

// OrderLines is the table of an order's lines and totals.
export function OrderLines({ order }) {
  const money = (cents) => formatPrice(cents, order.currency);
  return html`<table class="order-table">
    <caption class="visually-hidden">Books in order ${shortID(order.id)}</caption>
    <thead><tr><th scope="col">Book</th><th scope="col" class="num">Price</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Total</th></tr></thead>
    <tbody>
      ${order.items.map(
        (it) => html`<tr key=${it.bookId}>
          <th scope="row"><a href=${`/books/${encodeURIComponent(it.bookId)}`}>${it.title}</a></th>
          <td class="num">${money(it.unitPriceCents)}</td><td class="num">${it.qty}</td><td class="num">${money(it.lineTotalCents)}</td>
        </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr><th scope="row" colspan="3">Subtotal</th><td class="num" data-testid="order-subtotal">${money(order.subtotalCents)}</td></tr>
      <tr><th scope="row" colspan="3">Shipping</th><td class="num" data-testid="order-shipping">${order.shippingCents ? money(order.shippingCents) : 'Free'}</td></tr>
      <tr class="order-table__total"><th scope="row" colspan="3">Total</th><td class="num" data-testid="order-total">${money(order.totalCents)}</td></tr>
    </tfoot>
  </table>`;
}

export function OrderPage({ params, query }) {
  const { api, notify } = useApp();
  const order = useResource((signal) => api.getOrder(params.id, signal), [params.id]);
  const cancel = useSubmit(async () => {
    try {
      order.set(await api.cancelOrder(params.id));
      notify('Your order is cancelled.');
    } catch (err) {
      order.reload();
      throw err;
    }
  });
  if (order.status === 'error' && order.error.status === 404) return html`<${NotFoundPage} what="order" />`;
  const o = order.data;
  if (!o) {
    return html`<section>
      <${PageTitle} title="Order" />
      ${order.status === 'error' ? html`<${ErrorState} error=${order.error} retry=${order.reload} what="the order" />` : html`<${Loading} label="Loading the order…" />`}
    </section>`;
  }
  return html`<section class="order" data-testid="order" data-order-id=${o.id} data-status=${o.status}>
    <${PageTitle} title=${`Order ${shortID(o.id)}`} />
    ${query.get('placed') && html`<${Alert} kind="success" testid="order-placed"><p><strong>Thank you for your order!</strong> We have received it and will confirm it soon.</p><//>`}
    <p class="order__meta"><${StatusBadge} status=${o.status} /> <span class="muted">Placed ${formatDateTime(o.createdAt)}</span></p>
    <${OrderLines} order=${o} />
    <${FormErrors} error=${cancel.error} />
    ${o.status === 'PENDING' &&
    html`<p><button type="button" class="button button--danger" data-testid="cancel-order" disabled=${cancel.busy} onClick=${cancel.submit}>Cancel this order</button></p>`}
    <p><a href="/orders">All my orders</a></p>
  </section>`;
}
