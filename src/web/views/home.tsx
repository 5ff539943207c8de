/** The start page for a user of several authorities (or of none yet). */
import type { VNode } from 'preact';
import { PageHeader } from './components.js';
import { Page, type Chrome } from './layout.js';

export function HomePage(props: { chrome: Chrome; authorities: readonly { name: string; href: string }[]; nationalHref?: string | null }): VNode {
  return (
    <Page title="Choose an authority" chrome={props.chrome}>
      <PageHeader title="Choose an authority" />
      {props.nationalHref && (
        <p>
          <a class="ds_link" href={props.nationalHref}>
            National view: the national aims across authorities
          </a>
        </p>
      )}
      {props.authorities.length === 0 ? (
        <p>Your account does not have access to any authority yet. Ask your data lead or administrator to give you a role.</p>
      ) : (
        <ul class="ds_no-bullets">
          {props.authorities.map((a) => (
            <li key={a.href}>
              <a class="ds_link" href={a.href}>
                {a.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
