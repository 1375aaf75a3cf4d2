// Explicit persistence for the stores: JSON in localStorage under versioned
// keys, tolerant of storage being unavailable (private windows, quotas) or
// holding garbage, and a listener for changes made by other tabs.

export function readJSON(storage, key) {
  try {
    const raw = storage?.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function writeJSON(storage, key, value) {
  try {
    if (value === null || value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the state lives on in memory for this tab.
  }
}

// onOtherTabChange calls fn when another tab of this site changes key.
export function onOtherTabChange(win, key, fn) {
  const listener = (e) => {
    if (e.key === key || e.key === null) fn();
  };
  win.addEventListener('storage', listener);
  return () => win.removeEventListener('storage', listener);
}
