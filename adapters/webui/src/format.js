// Formatting of prices, dates, stock and categories for display.

const priceFormats = new Map();

// formatPrice formats integer minor units (cents) in the book's currency,
// in the shopper's locale.
export function formatPrice(cents, currency = 'USD') {
  let f = priceFormats.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
    }
    priceFormats.set(currency, f);
  }
  return f.format(cents / 100);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (iso) => (iso ? dateFormat.format(new Date(iso)) : '');
export const formatDateTime = (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : '');

// LOW_STOCK is the stock at or below which a book shows "only N left".
export const LOW_STOCK = 5;

// stockState describes a stock level: { kind: 'in'|'low'|'out', label }.
export function stockState(stock) {
  if (stock <= 0) return { kind: 'out', label: 'Out of stock' };
  if (stock <= LOW_STOCK) return { kind: 'low', label: `Only ${stock} left` };
  return { kind: 'in', label: 'In stock' };
}

// categoryLabel turns a slug such as "science-fiction" into "Science fiction".
export function categoryLabel(slug) {
  const words = String(slug || '').replace(/-/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '';
}

export const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

// shortID shortens a ULID for display; the whole id stays in links.
export const shortID = (id) => String(id).slice(-8);

// parsePrice reads "12.99" or "12,99" as 1299 cents; null when malformed.
export function parsePrice(text) {
  const m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] || '0').padEnd(2, '0'));
}

// priceInput shows cents as the text the price field edits.
export const priceInput = (cents) => (cents / 100).toFixed(2);
