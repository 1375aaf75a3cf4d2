// Sign up (/register) → /confirm?email=…
import { html } from '../html.js';
import { useApp } from '../context.js';
import { Field, FormErrors, PageTitle, PASSWORD_HINT, useFormState, useSubmit } from '../ui.js';

export function RegisterPage() {
  const { api, router, notify } = useApp();
  const [values, bind] = useFormState({ email: '', password: '', name: '' });
  const { busy, error, submit } = useSubmit(async () => {
    await api.register(values.email, values.password, values.name.trim());
    notify('Account created. Enter the confirmation code we sent you.');
    router.navigate(`/confirm?email=${encodeURIComponent(values.email)}`);
  });
  return html`<section class="auth">
    <${PageTitle} title="Create an account" />
    <form class="form" onSubmit=${submit} data-testid="register-form">
      <${Field} id="email" label="Email" error=${error?.fields?.email}
        control=${(a) => html`<input ...${a} type="email" autocomplete="email" required ...${bind('email')} />`} />
      <${Field} id="password" label="Password" hint=${PASSWORD_HINT} error=${error?.fields?.password}
        control=${(a) => html`<input ...${a} type="password" autocomplete="new-password" required minlength="8" ...${bind('password')} />`} />
      <${Field} id="name" label="Name (optional)" hint="Shown with your reviews. Without one, the part of your email before the @ is shown." error=${error?.fields?.name}
        control=${(a) => html`<input ...${a} type="text" autocomplete="nickname" maxlength="64" ...${bind('name')} />`} />
      <${FormErrors} error=${error} shown=${['email', 'password', 'name']} />
      ${error?.status === 409 && html`<p><a href="/login">Sign in instead</a></p>`}
      <button type="submit" class="button button--primary" disabled=${busy} data-testid="register-submit">Create account</button>
    </form>
    <p>Already have an account? <a href="/login">Sign in</a>. Have a code? <a href="/confirm">Confirm your account</a>.</p>
  </section>`;
}
