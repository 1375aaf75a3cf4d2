// The storefront's entry point: it makes the stores and the API client once,
// declares the routes and renders the shell (header, main, live region)
// around the page that matches the location.
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { html } from './html.js';
import { createStore, useStore } from './store.js';
import { createRouter, loginHref, match } from './router.js';
import { createSession } from './session.js';
import { createCart } from './cart.js';
import { createApi } from './api.js';
import { createDevice } from './device.js';
import { AppContext, useApp } from './context.js';
import { Header } from './header.js';
import { CatalogPage } from './pages/catalog.js';
import { SearchPage } from './pages/search.js';
import { BestSellersPage } from './pages/bestsellers.js';
import { BookPage } from './pages/book.js';
import { CartPage } from './pages/cart.js';
import { OrdersPage } from './pages/orders.js';
import { OrderPage } from './pages/order.js';
import { RegisterPage } from './pages/register.js';
import { ConfirmPage } from './pages/confirm.js';
import { LoginPage } from './pages/login.js';
import { ForgotPasswordPage } from './pages/forgot_password.js';
import { ResetPasswordPage } from './pages/reset_password.js';
import { AdminBooksPage } from './pages/admin_books.js';
import { AdminBookPage } from './pages/admin_book.js';
import { AdminOrdersPage } from './pages/admin_orders.js';
import { NotFoundPage } from './pages/not_found.js';
import { NotAllowedPage } from './pages/not_allowed.js';

// routes: auth pages need a signed-in shopper, admin pages the admin group.
const routes = [
  { path: '/', page: CatalogPage },
  { path: '/books/:id', page: BookPage },
  { path: '/search', page: SearchPage },
  { path: '/bestsellers', page: BestSellersPage },
  { path: '/cart', page: CartPage },
  { path: '/orders', page: OrdersPage, auth: true },
  { path: '/orders/:id', page: OrderPage, auth: true },
  { path: '/register', page: RegisterPage },
  { path: '/confirm', page: ConfirmPage },
  { path: '/login', page: LoginPage },
  { path: '/forgot-password', page: ForgotPasswordPage },
  { path: '/reset-password', page: ResetPasswordPage },
  { path: '/admin/books', page: AdminBooksPage, admin: true },
  { path: '/admin/books/new', page: AdminBookPage, admin: true },
  { path: '/admin/books/:id', page: AdminBookPage, admin: true },
  { path: '/admin/orders', page: AdminOrdersPage, admin: true },
];

function resolve(path) {
  for (const route of routes) {
    const params = match(route.path, path);
    if (params) return { route, params };
  }
  if (path.startsWith('/admin/')) return { route: { admin: true, page: NotFoundPage }, params: {} };
  return { route: { page: NotFoundPage }, params: {} };
}

// Categories offered by the catalog filter before any book was seen.
const KNOWN_CATEGORIES = ['classics', 'computing', 'science-fiction'];

// createCategories remembers the categories of the books seen in this tab.
function createCategories() {
  const store = createStore(KNOWN_CATEGORIES);
  return {
    ...store,
    see(books) {
      const all = new Set(store.get());
      for (const b of books) if (b.category) all.add(b.category);
      if (all.size !== store.get().length) store.set([...all].sort());
    },
  };
}

// NOTICE_MS is how long a notice stays on screen.
const NOTICE_MS = 5000;

// Notices is the polite live region: cart changes and other notices are
// shown briefly and read out by screen readers.
function Notices() {
  const { notices } = useApp();
  const notice = useStore(notices);
  useEffect(() => {
    if (!notice.message) return undefined;
    const t = setTimeout(() => notices.set({ id: notice.id, message: '' }), NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice.id]);
  return html`<div class="toast-region" role="status" aria-live="polite" aria-atomic="true" data-testid="notice">
    ${notice.message && html`<p class="toast" key=${notice.id}>${notice.message}</p>`}
  </div>`;
}

// Redirect replaces the location once rendered.
function Redirect({ to }) {
  const { router } = useApp();
  useEffect(() => router.navigate(to, { replace: true }), [to]);
  return null;
}

// useFocusOnNavigation moves focus to the new page's h1 (and scrolls to
// the top) whenever the path changes, so keyboard and screen reader users
// start at the new content. The first page load keeps the browser's focus.
function useFocusOnNavigation(path, titleFocus) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    titleFocus.afterNavigation = true;
    window.scrollTo(0, 0);
    requestAnimationFrame(() => document.querySelector('main h1')?.focus({ preventScroll: true }));
  }, [path]);
}

function App({ ctx }) {
  const loc = useStore(ctx.router.store);
  const session = useStore(ctx.session);
  useFocusOnNavigation(loc.path, ctx.titleFocus);
  const { route, params } = resolve(loc.path);
  let page;
  if (route.auth && !session) page = html`<${Redirect} to=${loginHref(loc.href)} />`;
  else if (route.admin && !session?.isAdmin) page = html`<${NotAllowedPage} signedIn=${Boolean(session)} />`;
  else page = html`<${route.page} key=${loc.path} params=${params} query=${loc.query} />`;
  return html`<${AppContext.Provider} value=${ctx}>
    <a class="skip-link" href="#main">Skip to content</a>
    <${Header} />
    <main id="main" tabindex="-1">${page}</main>
    <footer class="site-footer"><p>Bookshop — a serverless bookstore in Go.</p></footer>
    <${Notices} />
  <//>`;
}

function start(win) {
  const router = createRouter(win);
  const session = createSession(win);
  const cart = createCart(win);
  const notices = createStore({ id: 0, message: '' });
  const notify = (message) => notices.set({ id: notices.get().id + 1, message });
  const api = createApi({
    session,
    device: createDevice(win),
    onUnauthorized: () => {
      const here = router.store.get();
      if (here.path === '/login') return;
      notify('Please sign in to continue.');
      router.navigate(loginHref(here.href), { replace: true });
    },
  });
  // titleFocus.afterNavigation turns true at the first navigation: from then
  // on a page's h1 takes the focus (see PageTitle).
  const ctx = { router, session, cart, api, notices, notify, categories: createCategories(), titleFocus: { afterNavigation: false } };
  const root = win.document.getElementById('app');
  root.textContent = '';
  render(html`<${App} ctx=${ctx} />`, root);
}

start(window);
