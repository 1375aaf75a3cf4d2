// Sign in (/login?next=…): back to where the shopper was, or the catalog.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { safeNext } from '../router.js';
import { Alert, Field, FormErrors, PageTitle, useFormState, useSubmit } from '../ui.js';

export function LoginPage({ query }) {
  const { api, router, notify } = useApp();
  const [values, bind] = useFormState({ email: query.get('email') || '', password: '' });
  const next = safeNext(query.get('next'));
  const { busy, error, submit } = useSubmit(async () => {
    await api.login(values.email, values.password);
    notify('You are signed in.');
    router.navigate(next, { replace: true });
  });
  return html`<section class="auth">
    <${PageTitle} title="Sign in" />
    ${query.get('confirmed') && html`<${Alert} kind="success"><p>Your account is confirmed: sign in.</p><//>`}
    ${query.get('reset') && html`<${Alert} kind="success" testid="login-reset"><p>Your password is changed: sign in with the new one.</p><//>`}
    ${!query.get('confirmed') && !query.get('reset') && next !== '/' && html`<p class="muted">Sign in to continue where you left off.</p>`}
    <form class="form" onSubmit=${submit} data-testid="login-form">
      <${Field} id="email" label="Email" error=${error?.fields?.email}
        control=${(a) => html`<input ...${a} type="email" autocomplete="username" required ...${bind('email')} />`} />
      <${Field} id="password" label="Password" error=${error?.fields?.password}
        control=${(a) => html`<input ...${a} type="password" autocomplete="current-password" required ...${bind('password')} />`} />
      <${FormErrors} error=${error} shown=${['email', 'password']} />
      ${error?.status === 403 && html`<p><a href=${`/confirm?email=${encodeURIComponent(values.email)}`}>Confirm your account</a></p>`}
      <button type="submit" class="button button--primary" disabled=${busy} data-testid="login-submit">Sign in</button>
    </form>
    <p><a href=${`/forgot-password${values.email ? `?email=${encodeURIComponent(values.email)}` : ''}`} data-testid="login-forgot">Forgot your password?</a></p>
    <p>New here? <a href="/register">Create an account</a>.</p>
  </section>`;
}
