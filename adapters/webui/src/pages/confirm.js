// Confirm an account (/confirm?email=…) with the emailed code → /login.
import { html } from '../html.js';
import { useApp } from '../context.js';
import { Field, FormErrors, PageTitle, useFormState, useSubmit } from '../ui.js';

export function ConfirmPage({ query }) {
  const { api, router, notify } = useApp();
  const [values, bind] = useFormState({ email: query.get('email') || '', code: '' });
  const { busy, error, submit } = useSubmit(async () => {
    await api.confirm(values.email, values.code.trim());
    notify('Your account is confirmed. Sign in.');
    router.navigate(`/login?confirmed=1&email=${encodeURIComponent(values.email)}`);
  });
  // resend asks for a new code: after a few wrong codes the old one stops working.
  const resend = useSubmit(async () => {
    await api.resendCode(values.email);
    notify('If this address has an account waiting for confirmation, a new code is on its way.');
  });
  return html`<section class="auth">
    <${PageTitle} title="Confirm your account" />
    <p>We sent a confirmation code to your email address. Enter it here.</p>
    <form class="form" onSubmit=${submit} data-testid="confirm-form">
      <${Field} id="email" label="Email" error=${error?.fields?.email}
        control=${(a) => html`<input ...${a} type="email" autocomplete="email" required ...${bind('email')} />`} />
      <${Field} id="code" label="Confirmation code" error=${error?.fields?.code}
        control=${(a) => html`<input ...${a} type="text" inputmode="numeric" autocomplete="one-time-code" required ...${bind('code')} />`} />
      <${FormErrors} error=${error} shown=${['email', 'code']} />
      <button type="submit" class="button button--primary" disabled=${busy} data-testid="confirm-submit">Confirm</button>
    </form>
    <p>No code, or it stopped working?
      <button type="button" class="button button--quiet" disabled=${resend.busy || !values.email} onClick=${resend.submit} data-testid="confirm-resend">Send a new code</button></p>
    <${FormErrors} error=${resend.error} shown=${[]} />
  </section>`;
}
