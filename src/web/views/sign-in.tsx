/** The sign-in page. */
import type { VNode } from 'preact';
import { CsrfField, ErrorSummary, PageHeader, TextInput, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

export function SignInPage(props: { chrome: Chrome; username: string; next: string; errors: readonly FieldError[]; ssoHref: string | null }): VNode {
  return (
    <Page title="Sign in" chrome={props.chrome} hasErrors={props.errors.length > 0}>
      <ErrorSummary errors={props.errors} />
      <PageHeader title="Sign in to pace" />
      <p>pace holds personal information about looked after children. Sign in with the account your authority gave you.</p>
      {props.ssoHref && (
        <>
          <p>
            <a class="ds_button" href={props.ssoHref}>
              Sign in with your organisation’s account
            </a>
          </p>
          <p>Or sign in with a pace username and password:</p>
        </>
      )}
      <form method="post" action="/sign-in" novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <TextInput name="username" label="Username" value={props.username} errors={props.errors} width="ds_input--fluid-one-third" autocomplete="username" />
        <TextInput name="password" label="Password" value="" type="password" errors={props.errors} width="ds_input--fluid-one-third" autocomplete="current-password" />
        <button type="submit" class="ds_button">
          Sign in
        </button>
      </form>
    </Page>
  );
}

/** The error page: a plain sentence, never a stack trace. */
export function ErrorPage(props: { chrome: Chrome; title: string; message: string; reference?: string }): VNode {
  return (
    <Page title={props.title} chrome={props.chrome}>
      <PageHeader title={props.title} />
      <p>{props.message}</p>
      {props.reference && <p>If you report this, quote the reference {props.reference}.</p>}
      <p>
        <a class="ds_link" href="/">
          Go to the start page
        </a>
      </p>
    </Page>
  );
}
