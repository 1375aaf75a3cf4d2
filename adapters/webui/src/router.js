// The router: real paths through the History API. The location store holds
// { path, query, href }; navigate() pushes (or replaces) a history entry;
// back and forward (popstate) update the store. Clicks on same-origin links
// are taken over, so every <a href> in the app navigates without a reload
// while staying a real link (open in new tab, copy link address).
import { createStore } from './store.js';

function snapshot(loc) {
  return { path: loc.pathname, query: new URLSearchParams(loc.search), href: loc.pathname + loc.search };
}

// isAppPath reports whether a same-origin path belongs to the app rather
// than the API or the server's own files.
const isAppPath = (path) => !/^\/(api|_[a-z]+)(\/|$)/.test(path) && !/\.[a-z0-9]+$/i.test(path);

export function createRouter(win) {
  const store = createStore(snapshot(win.location));
  const update = () => store.set(snapshot(win.location));

  function navigate(href, { replace = false } = {}) {
    const url = new URL(href, win.location.href);
    if (url.pathname + url.search === store.get().href && !replace) return;
    win.history[replace ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search + url.hash);
    update();
  }

  win.addEventListener('popstate', update);
  win.document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest?.('a[href]');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, win.location.href);
    if (url.origin !== win.location.origin || !isAppPath(url.pathname)) return;
    if (url.pathname === win.location.pathname && url.search === win.location.search && url.hash) return; // in-page anchor
    e.preventDefault();
    navigate(url.pathname + url.search);
  });

  return { store, navigate };
}

// match returns the params of path against a pattern such as
// "/books/:id", or null.
export function match(pattern, path) {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (pattern === '/') return path === '/' ? {} : null;
  if (want.length !== got.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (!got[i]) return null;
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) {
      return null;
    }
  }
  return params;
}

// safeNext returns a same-site path to go back to after sign-in, or "/".
export function safeNext(next) {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

// loginHref is the sign-in page that leads back to href.
export const loginHref = (href) => `/login?next=${encodeURIComponent(href)}`;
