// A store holds one value and tells subscribers when it changes. Each store
// is created once, in app.js, and reaches components through the app context
// (context.js): there are no module-level singletons.
import { useEffect, useState } from 'preact/hooks';

export function createStore(initial) {
  let value = initial;
  const subscribers = new Set();
  return {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const fn of subscribers) fn(value);
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
  };
}

// useStore re-renders the component whenever the store changes and returns
// the current value.
export function useStore(store) {
  const [, setTick] = useState(0);
  useEffect(() => store.subscribe(() => setTick((n) => n + 1)), [store]);
  return store.get();
}
