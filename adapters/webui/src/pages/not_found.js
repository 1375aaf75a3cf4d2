// The not-found page: unknown paths, and missing books or orders.
import { html } from '../html.js';
import { PageTitle } from '../ui.js';

export function NotFoundPage({ what = 'page' }) {
  return html`<section class="notice-page" data-testid="not-found">
    <${PageTitle} title=${`${what[0].toUpperCase()}${what.slice(1)} not found`} />
    <p>We could not find this ${what}. It may have been removed, or the address may be mistyped.</p>
    <p><a href="/">Back to the books</a></p>
  </section>`;
}
