// Reset a password (/reset-password?email=…) with the emailed code →
// /login?reset=1.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { Field, FormErrors, PageTitle, PASSWORD_HINT, useFormState, useSubmit } from '../ui.js';

export function ResetPasswordPage({ query }) {
  const { api, router, notify } = useApp();
  const [values, bind] = useFormState({ email: query.get('email') || '', code: '', password: '' });
  const { busy, error, submit } = useSubmit(async () => {
    await api.resetPassword(values.email, values.code.trim(), values.password);
    notify('Your password is changed. Sign in with the new one.');
    router.navigate(`/login?reset=1&email=${encodeURIComponent(values.email)}`);
  });
  return html`<section class="auth">
    <${PageTitle} title="Choose a new password" />
    <p>Enter the code we sent to your email address and a new password.</p>
    <form class="form" onSubmit=${submit} data-testid="reset-form">
      <${Field} id="email" label="Email" error=${error?.fields?.email}
        control=${(a) => html`<input ...${a} type="email" autocomplete="username" required ...${bind('email')} />`} />
      <${Field} id="code" label="Reset code" error=${error?.fields?.code}
        control=${(a) => html`<input ...${a} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${bind('code')} />`} />
      <${Field} id="password" label="New password" hint=${PASSWORD_HINT} error=${error?.fields?.password}
        control=${(a) => html`<input ...${a} type="password" autocomplete="new-password" required minlength="8" ...${bind('password')} />`} />
      <${FormErrors} error=${error} shown=${['email', 'code', 'password']} />
      <button type="submit" class="button button--primary" disabled=${busy} aria-busy=${busy ? 'true' : undefined} data-testid="reset-submit">${busy ? 'Saving…' : 'Set the new password'}</button>
    </form>
    <p>No code, or it stopped working? <a href=${`/forgot-password?email=${encodeURIComponent(values.email)}`}>Send a new code</a>.</p>
  </section>`;
}
