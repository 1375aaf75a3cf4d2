// The page for administration paths opened without the admin group. The
// API refuses these operations anyway; this only explains it.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { useStore } from '../store.js';
import { loginHref } from '../router.js';
import { PageTitle } from '../ui.js';

export function NotAllowedPage({ signedIn }) {
  const { router } = useApp();
  const loc = useStore(router.store);
  return html`<section class="notice-page" data-testid="not-allowed">
    <${PageTitle} title="Not allowed" />
    <p>This page is for the shop's administrators.</p>
    ${signedIn ? html`<p>Your account cannot manage the shop.</p>` : html`<p><a href=${loginHref(loc.href)}>Sign in as an administrator</a></p>`}
    <p><a href="/">Back to the books</a></p>
  </section>`;
}
