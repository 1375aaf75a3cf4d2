// Forgotten password (/forgot-password?email=…): ask for a reset code, then
// go on to /reset-password. The answer is the same whether or not the
// address has an account.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { Alert, Field, FormErrors, PageTitle, useFormState, useSubmit } from '../ui.js';
import { useState } from 'preact/hooks';

export function ForgotPasswordPage({ query }) {
  const { api } = useApp();
  const [values, bind] = useFormState({ email: query.get('email') || '' });
  const [sentTo, setSentTo] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await api.forgotPassword(values.email);
    setSentTo(values.email.trim());
  });
  return html`<section class="auth">
    <${PageTitle} title="Reset your password" />
    <p>Enter the email address of your account and we will send you a code to choose a new password.</p>
    <form class="form" onSubmit=${submit} data-testid="forgot-form">
      <${Field} id="email" label="Email" error=${error?.fields?.email}
        control=${(a) => html`<input ...${a} type="email" autocomplete="username" required ...${bind('email')} />`} />
      <${FormErrors} error=${error} shown=${['email']} />
      <button type="submit" class="button button--primary" disabled=${busy} aria-busy=${busy ? 'true' : undefined} data-testid="forgot-submit">${busy ? 'Sending…' : 'Send the code'}</button>
    </form>
    ${sentTo && html`<${Alert} kind="success" testid="forgot-sent">
      <p>If an account exists for that email, we sent a code.</p>
      <p><a href=${`/reset-password?email=${encodeURIComponent(sentTo)}`} data-testid="forgot-next">Enter the code and a new password</a></p>
    <//>`}
    <p>Remembered it? <a href="/login">Sign in</a>.</p>
  </section>`;
}
