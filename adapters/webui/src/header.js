// The site header: brand, the search box, main navigation (admin links for
// admins only), the cart link with its item count, and the account
// controls.
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { useApp } from './context.js';
import { useStore } from './store.js';
import { loginHref } from './router.js';

// AUTH_PAGES do not lead back to themselves after sign-in.
const AUTH_PAGES = ['/login', '/register', '/confirm', '/forgot-password', '/reset-password'];

function NavLink({ href, current, children, testid }) {
  const active = href === '/' ? current === '/' || current.startsWith('/books/') : current === href || current.startsWith(`${href}/`);
  return html`<a href=${href} aria-current=${active ? 'page' : undefined} data-testid=${testid}>${children}</a>`;
}

// SearchBox sends its words to the results page (/search?q=) and shows the
// query of the results on screen.
function SearchBox({ loc }) {
  const { router } = useApp();
  const current = loc.path === '/search' ? loc.query.get('q') || '' : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);
  const submit = (e) => {
    e.preventDefault();
    const text = q.trim();
    router.navigate(text ? `/search?q=${encodeURIComponent(text)}` : '/search');
  };
  return html`<form class="site-search" role="search" onSubmit=${submit}>
    <label for="site-search-q" class="visually-hidden">Search books</label>
    <input id="site-search-q" type="search" name="q" placeholder="Title, author, category" maxlength="100" autocomplete="off"
      enterkeyhint="search" data-testid="search-input" value=${q} onInput=${(e) => setQ(e.currentTarget.value)} />
    <button type="submit" class="button button--quiet" data-testid="search-submit">Search</button>
  </form>`;
}

export function Header() {
  const { router, session, cart, api, notify } = useApp();
  const loc = useStore(router.store);
  const s = useStore(session);
  useStore(cart);
  const count = cart.count();
  const signOut = () => {
    api.signOut();
    notify('You are signed out.');
    router.navigate('/');
  };
  return html`<header class="site-header">
    <div class="site-header__inner">
      <a class="brand" href="/"><svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" class="brand__bg"/><path d="M7 8.5c3-1.2 6-1.2 9 .6 3-1.8 6-1.8 9-.6v15c-3-1.2-6-1.2-9 .6-3-1.8-6-1.8-9-.6z" class="brand__page"/></svg>Bookshop</a>
      <nav class="site-nav" aria-label="Main">
        <${NavLink} href="/" current=${loc.path}>Books<//>
        <${NavLink} href="/bestsellers" current=${loc.path} testid="nav-bestsellers">Best sellers<//>
        ${s && html`<${NavLink} href="/orders" current=${loc.path} testid="nav-orders">My orders<//>`}
        ${s?.isAdmin && html`<${NavLink} href="/admin/books" current=${loc.path} testid="nav-admin-books">Manage books<//>
          <${NavLink} href="/admin/orders" current=${loc.path} testid="nav-admin-orders">Manage orders<//>`}
      </nav>
      <${SearchBox} loc=${loc} />
      <div class="site-tools">
        <a class="cart-link" href="/cart" data-testid="cart-link" aria-current=${loc.path === '/cart' ? 'page' : undefined}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><circle cx="9" cy="19" r="1.5" fill="currentColor"/><circle cx="17" cy="19" r="1.5" fill="currentColor"/></svg>
          <span class="cart-link__label">Cart</span> <span class="cart-count" data-testid="cart-count">${count}</span><span class="visually-hidden">${count === 1 ? ' item' : ' items'}</span>
        </a>
        ${s
          ? html`<span class="account" data-testid="account">
              <span class="account__email" title=${s.email}>${s.email || 'Signed in'}</span>
              <button type="button" class="button button--quiet" data-testid="sign-out" onClick=${signOut}>Sign out</button>
            </span>`
          : html`<a class="button button--quiet" href=${AUTH_PAGES.includes(loc.path) ? '/login' : loginHref(loc.href)} data-testid="sign-in">Sign in</a>`}
      </div>
    </div>
  </header>`;
}
