// useResource loads data for a component: { status: 'loading'|'ready'|
// 'error', data, error, reload }. The request is aborted when the component
// goes away or deps change. reload() keeps showing the old data while the
// new arrives.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isAbort } from './api.js';

export function useResource(load, deps) {
  const [state, setState] = useState({ status: 'loading', data: undefined, error: null });
  const [nonce, setNonce] = useState(0);
  const depsKey = JSON.stringify(deps);
  const lastKey = useRef(depsKey);
  useEffect(() => {
    const ctl = new AbortController();
    const keep = lastKey.current === depsKey;
    lastKey.current = depsKey;
    setState((s) => ({ status: 'loading', data: keep ? s.data : undefined, error: null }));
    load(ctl.signal).then(
      (data) => ctl.signal.aborted || setState({ status: 'ready', data, error: null }),
      (error) => ctl.signal.aborted || isAbort(error) || setState({ status: 'error', data: undefined, error }),
    );
    return () => ctl.abort();
  }, [depsKey, nonce]);
  return {
    ...state,
    reload: () => setNonce((n) => n + 1),
    // set replaces the data, e.g. with a server's answer to an update.
    set: (data) => setState({ status: 'ready', data, error: null }),
  };
}

// usePager loads a cursor-paginated list: { items, status, error, more,
// loadMore, reload, update }. more is true while a next page exists.
export function usePager(loadPage, deps) {
  const [state, setState] = useState({ status: 'loading', items: [], cursor: null, error: null, moreStatus: 'idle' });
  const [nonce, setNonce] = useState(0);
  const ctlRef = useRef(null);
  const depsKey = JSON.stringify(deps);
  useEffect(() => {
    const ctl = new AbortController();
    ctlRef.current = ctl;
    setState({ status: 'loading', items: [], cursor: null, error: null, moreStatus: 'idle' });
    loadPage(undefined, ctl.signal).then(
      (page) => ctl.signal.aborted || setState({ status: 'ready', items: page.items || [], cursor: page.nextCursor, error: null, moreStatus: 'idle' }),
      (error) => ctl.signal.aborted || isAbort(error) || setState((s) => ({ ...s, status: 'error', error })),
    );
    return () => ctl.abort();
  }, [depsKey, nonce]);

  const loadMore = () => {
    const ctl = ctlRef.current;
    setState((s) => ({ ...s, moreStatus: 'loading', moreError: null }));
    return loadPage(state.cursor, ctl.signal).then(
      (page) => {
        if (ctl.signal.aborted) return 0;
        const added = page.items || [];
        setState((s) => ({ ...s, items: [...s.items, ...added], cursor: page.nextCursor, moreStatus: 'idle' }));
        return added.length;
      },
      (error) => {
        if (!ctl.signal.aborted && !isAbort(error)) setState((s) => ({ ...s, moreStatus: 'error', moreError: error }));
        return 0;
      },
    );
  };
  return {
    ...state,
    more: Boolean(state.cursor),
    loadMore,
    reload: () => setNonce((n) => n + 1),
    // update changes the loaded items in place (fn maps the array).
    update: (fn) => setState((s) => ({ ...s, items: fn(s.items) })),
  };
}
