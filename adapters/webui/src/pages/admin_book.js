// Add a book (/admin/books/new) or edit one (/admin/books/{id}), admins:
// the details form (PUT with If-Match; a 412 offers the latest version),
// the cover upload (checked, previewed, sent to the presigned URL with
// progress, then the thumbnail awaited) and delete with If-Match.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { useApp } from '../context.js';
import { useResource } from '../resource.js';
import { formatDateTime, parsePrice, priceInput } from '../format.js';
import { Alert, Cover, ErrorState, Field, FormErrors, Loading, PageTitle, useFormState, useSubmit } from '../ui.js';
import { NotFoundPage } from './not_found.js';

// Cover rules of the API (app.MaxCoverBytes, the accepted types).
const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_COVER_BYTES = 5 * 1024 * 1024;
// Thumbnails are awaited for POLL_TRIES × POLL_MS at most.
const POLL_MS = 1000;
const POLL_TRIES = 30;

// formField maps the API's field names to the form's.
const formField = { priceCents: 'price' };

function formValues(book) {
  return {
    title: book?.title || '',
    author: book?.author || '',
    category: book?.category || '',
    description: book?.description || '',
    price: book ? priceInput(book.priceCents) : '',
    currency: book?.currency || 'USD',
    stock: book ? String(book.stock) : '0',
  };
}

// checkForm validates what the browser can check; the API checks again.
function checkForm(v) {
  const fields = {};
  const priceCents = parsePrice(v.price);
  if (priceCents === null) fields.price = 'Enter a price such as 12.99.';
  const stock = Number(v.stock);
  if (!/^\d+$/.test(v.stock.trim()) || !Number.isSafeInteger(stock)) fields.stock = 'Enter a whole number of 0 or more.';
  if (Object.keys(fields).length) return { fields };
  const details = {
    title: v.title.trim(),
    author: v.author.trim(),
    category: v.category.trim(),
    description: v.description.trim(),
    priceCents,
    stock,
  };
  if (v.currency.trim()) details.currency = v.currency.trim().toUpperCase();
  return { details };
}

function BookForm({ book, onSaved, onReload }) {
  const { api } = useApp();
  const [values, bind] = useFormState(formValues(book));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    const { details, fields } = checkForm(values);
    if (fields) {
      setError({ message: 'Some fields need your attention.', fields });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(book ? await api.updateBook(book.id, book.version, details) : await api.createBook(details));
    } catch (err) {
      const mapped = Object.fromEntries(Object.entries(err.fields || {}).map(([f, m]) => [formField[f] || f, m]));
      setError({ message: err.message, status: err.status, fields: mapped });
    } finally {
      setBusy(false);
    }
  };
  const fe = error?.fields || {};
  const input = (name, attrs = {}) => (a) => html`<input ...${a} ...${attrs} ...${bind(name)} data-testid=${`book-${name}`} />`;
  return html`<form class="form form--wide" onSubmit=${submit} data-testid="book-form" noValidate>
    <${Field} id="book-title" label="Title" error=${fe.title} control=${input('title', { required: true, maxlength: 200 })} />
    <${Field} id="book-author" label="Author" error=${fe.author} control=${input('author', { required: true, maxlength: 120 })} />
    <${Field} id="book-category" label="Category" hint="For example Science Fiction; it is stored as science-fiction." error=${fe.category}
      control=${input('category', { required: true })} />
    <${Field} id="book-description" label="Description" error=${fe.description}
      control=${(a) => html`<textarea ...${a} rows="5" maxlength="4000" ...${bind('description')} data-testid="book-description"></textarea>`} />
    <div class="form-row">
      <${Field} id="book-price" label="Price" hint="For example 12.99" error=${fe.price} control=${input('price', { inputmode: 'decimal', required: true })} />
      <${Field} id="book-currency" label="Currency" hint="ISO 4217, e.g. USD" error=${fe.currency}
        control=${input('currency', { maxlength: 3, autocapitalize: 'characters' })} />
      <${Field} id="book-stock" label="Stock" error=${fe.stock} control=${input('stock', { inputmode: 'numeric', required: true })} />
    </div>
    ${error?.status === 412 &&
    html`<${Alert} kind="error" testid="book-conflict">
      <p><strong>Someone else changed this book</strong> while you were editing it. Your changes are not saved.</p>
      <p><button type="button" class="button" data-testid="book-reload" onClick=${onReload}>Load the latest version</button>
        <span class="muted"> (replaces what you typed)</span></p>
    <//>`}
    ${error?.status !== 412 && html`<${FormErrors} error=${error} shown=${['title', 'author', 'category', 'description', 'price', 'currency', 'stock']} />`}
    <div class="actions">
      <button type="submit" class="button button--primary" disabled=${busy} data-testid="book-save">${book ? 'Save changes' : 'Add book'}</button>
      <a href="/admin/books" class="button button--quiet">Back to the list</a>
    </div>
  </form>`;
}

// coverProblem checks a chosen file before anything is sent.
function coverProblem(file) {
  if (!COVER_TYPES.includes(file.type)) return 'Choose a JPEG, PNG or WebP image.';
  if (file.size > MAX_COVER_BYTES) return `The image is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the limit is 5 MiB.`;
  if (file.size === 0) return 'The file is empty.';
  return '';
}

// coverShows reports whether book's cover is the upload stored at key, with
// its thumbnail made.
function coverShows(book, key) {
  const url = book.cover?.url || '';
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // keep the URL as it is
  }
  return Boolean(book.cover?.thumbnailUrl) && (!key || url.includes(key) || decoded.includes(key));
}

function CoverUpload({ book, onCover }) {
  const { api, notify } = useApp();
  const [file, setFile] = useState(null);
  const [preview, setPreview] = useState('');
  const [phase, setPhase] = useState('idle'); // idle, uploading, processing, done, slow
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState('');
  const alive = useRef(true);
  const input = useRef(null);
  useEffect(() => () => (alive.current = false), []);
  useEffect(() => () => preview && URL.revokeObjectURL(preview), [preview]);

  const choose = (e) => {
    const f = e.currentTarget.files?.[0] || null;
    setError('');
    setPhase('idle');
    setFile(null);
    setPreview('');
    if (!f) return;
    const problem = coverProblem(f);
    if (problem) {
      setError(problem);
      return;
    }
    setFile(f);
    setPreview(URL.createObjectURL(f));
  };

  const upload = async () => {
    setError('');
    setProgress(0);
    setPhase('uploading');
    try {
      const presigned = await api.requestCoverUpload(book.id, file.type, file.size);
      await api.uploadFile(presigned, file, (p) => alive.current && setProgress(p));
      if (!alive.current) return;
      setPhase('processing');
      for (let i = 0; i < POLL_TRIES && alive.current; i++) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const latest = await api.getBook(book.id);
        if (coverShows(latest, presigned.key)) {
          if (!alive.current) return;
          onCover(latest);
          setPhase('done');
          setFile(null);
          setPreview('');
          if (input.current) input.current.value = '';
          notify('The new cover is ready.');
          return;
        }
      }
      if (alive.current) setPhase('slow');
    } catch (err) {
      if (!alive.current) return;
      setPhase('idle');
      setError(err.message);
    }
  };

  const busy = phase === 'uploading' || phase === 'processing';
  return html`<section class="cover-upload" aria-labelledby="cover-title" data-testid="cover-upload">
    <h2 id="cover-title">Cover</h2>
    <div class="cover-upload__images">
      <figure><${Cover} book=${book} /><figcaption>Current</figcaption></figure>
      ${preview && html`<figure><img class="cover cover--thumb" src=${preview} width="200" height="280" alt="Preview of the chosen cover" data-testid="cover-preview" /><figcaption>Chosen</figcaption></figure>`}
    </div>
    <${Field} id="cover-file" label="Choose an image" hint="JPEG, PNG or WebP, up to 5 MiB." error=${error}
      control=${(a) => html`<input ...${a} ref=${input} type="file" accept=${COVER_TYPES.join(',')} disabled=${busy} data-testid="cover-file" onChange=${choose} />`} />
    ${phase === 'uploading' &&
    html`<p><label for="cover-progress">Uploading…</label> <progress id="cover-progress" max="100" value=${Math.round(progress * 100)} data-testid="cover-progress">${Math.round(progress * 100)}%</progress></p>`}
    ${phase === 'processing' && html`<p role="status"><span class="spinner" aria-hidden="true"></span>Uploaded. Making the thumbnails…</p>`}
    ${phase === 'done' && html`<${Alert} kind="success" testid="cover-done"><p>The new cover is in place.</p><//>`}
    ${phase === 'slow' && html`<${Alert} kind="info"><p>The image is uploaded, but its thumbnails are not ready yet. Reload this page in a minute.</p><//>`}
    <button type="button" class="button button--primary" disabled=${!file || busy} data-testid="cover-submit" onClick=${upload}>Upload cover</button>
  </section>`;
}

function DeleteBook({ book, onReload }) {
  const { api, router, notify } = useApp();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, submit: remove, setError } = useSubmit(async () => {
    await api.deleteBook(book.id, book.version);
    notify(`Deleted ${book.title}.`);
    router.navigate('/admin/books', { replace: true });
  });
  return html`<section class="danger-zone" aria-labelledby="delete-title">
    <h2 id="delete-title">Delete</h2>
    ${error?.status === 412
      ? html`<${Alert} kind="error" testid="book-conflict"><p><strong>Someone else changed this book.</strong> Check the latest version before you delete it.</p>
          <p><button type="button" class="button" data-testid="book-reload" onClick=${() => { setError(null); setConfirming(false); onReload(); }}>Load the latest version</button></p><//>`
      : html`<${FormErrors} error=${error} />`}
    ${confirming
      ? html`<p>Delete “${book.title}” and its cover? This cannot be undone.</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled=${busy} data-testid="book-delete-confirm" onClick=${remove}>Yes, delete</button>
            <button type="button" class="button" onClick=${() => setConfirming(false)}>Keep it</button>
          </div>`
      : html`<button type="button" class="button button--danger" data-testid="book-delete" onClick=${() => setConfirming(true)}>Delete this book</button>`}
  </section>`;
}

export function AdminBookPage({ params }) {
  const { api, router, notify } = useApp();
  const isNew = !params.id;
  const book = useResource((signal) => (isNew ? Promise.resolve(null) : api.getBook(params.id, signal)), [params.id || 'new']);
  // formKey renews the form (dropping what was typed) when the shopkeeper
  // asks for the latest version.
  const [formKey, setFormKey] = useState(0);
  if (isNew) {
    const created = (b) => {
      notify(`Added ${b.title}. Now add a cover.`);
      router.navigate(`/admin/books/${encodeURIComponent(b.id)}`, { replace: true });
    };
    return html`<section class="admin">
      <${PageTitle} title="Add a book" />
      <${BookForm} onSaved=${created} onReload=${() => {}} />
    </section>`;
  }
  if (book.status === 'error' && book.error.status === 404) return html`<${NotFoundPage} what="book" />`;
  const b = book.data;
  if (!b) {
    return html`<section class="admin">
      <${PageTitle} title="Edit book" />
      ${book.status === 'error' ? html`<${ErrorState} error=${book.error} retry=${book.reload} what="the book" />` : html`<${Loading} label="Loading the book…" />`}
    </section>`;
  }
  const saved = (next) => {
    book.set(next);
    notify(`Saved ${next.title}.`);
  };
  const reload = async () => {
    try {
      book.set(await api.getBook(b.id));
      setFormKey((k) => k + 1);
      notify('Loaded the latest version.');
    } catch (err) {
      if (err.status === 404) book.reload();
      else notify(err.message);
    }
  };
  return html`<section class="admin admin-book">
    <${PageTitle} title=${`Edit “${b.title}”`} />
    <p class="muted">Version ${b.version} · updated ${formatDateTime(b.updatedAt)} · <a href=${`/books/${encodeURIComponent(b.id)}`}>View in the shop</a></p>
    <div class="admin-book__grid">
      <${BookForm} key=${formKey} book=${b} onSaved=${saved} onReload=${reload} />
      <div>
        <${CoverUpload} book=${b} onCover=${(latest) => book.set(latest)} />
        <${DeleteBook} book=${b} onReload=${reload} />
      </div>
    </div>
  </section>`;
}
