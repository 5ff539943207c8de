/** Where the weekly digests go: each worker's and team manager's address, who has something due and none, and the form to set one. */
import type { VNode } from 'preact';
import type { ContactFormValues } from '../forms/contact-form.js';
import { CsrfField, ErrorSummary, NoticeBox, PageHeader, Radios, TableScroll, TextInput, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface ContactsModel {
  readonly contacts: readonly { readonly kind: string; readonly name: string; readonly email: string }[];
  /** Workers and teams with something due and no address: their digest cannot be sent. */
  readonly withoutAddress: readonly { readonly kind: string; readonly name: string; readonly children: number }[];
  readonly action: string;
  readonly removeAction: string;
  readonly dueHref: string;
}

const kindWords: Readonly<Record<string, string>> = { worker: 'Worker', team: 'Team manager' };

export function ContactsPage(props: { chrome: Chrome; model: ContactsModel; values: ContactFormValues; errors: readonly FieldError[]; notice: string | null }): VNode {
  const { model, values, errors } = props;
  return (
    <Page title="Digest addresses" chrome={props.chrome} hasErrors={errors.length > 0} wide>
      <ErrorSummary errors={errors} />
      <NoticeBox notice={props.notice} />
      <PageHeader title="Digest addresses" label={props.chrome.authority?.name} />
      <p>
        Each week <code>pace digest</code> e-mails every worker, and every team's manager, what is overdue and due soon for their children, by reference only. A worker or team is named as on the
        children's records (case and spacing do not matter). See{' '}
        <a class="ds_link" href={model.dueHref}>
          what is due
        </a>
        .
      </p>
      <h2>Something due and no address</h2>
      {model.withoutAddress.length === 0 ? (
        <p>Every worker and team with something due in the next 14 days has an address.</p>
      ) : (
        <TableScroll label="Workers and teams with something due and no address">
          <table class="ds_table">
            <caption class="visually-hidden">Workers and teams with something due and no address</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Name</th>
                <th scope="col">Children with something due</th>
              </tr>
            </thead>
            <tbody>
              {model.withoutAddress.map((who) => (
                <tr key={`${who.kind}|${who.name}`}>
                  <td>{kindWords[who.kind]}</td>
                  <td>{who.name}</td>
                  <td>{who.children}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Addresses</h2>
      {model.contacts.length === 0 ? (
        <p>No addresses yet.</p>
      ) : (
        <TableScroll label="Addresses the digests go to">
          <table class="ds_table">
            <caption class="visually-hidden">Addresses the digests go to</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Name</th>
                <th scope="col">E-mail address</th>
                <th scope="col">
                  <span class="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {model.contacts.map((contact) => (
                <tr key={`${contact.kind}|${contact.name}`}>
                  <td>{kindWords[contact.kind]}</td>
                  <td>{contact.name}</td>
                  <td>{contact.email}</td>
                  <td>
                    <form method="post" action={model.removeAction}>
                      <CsrfField token={props.chrome.csrfToken} />
                      <input type="hidden" name="kind" value={contact.kind} />
                      <input type="hidden" name="name" value={contact.name} />
                      <button type="submit" class="ds_button ds_button--secondary ds_button--small">
                        Remove<span class="visually-hidden"> the address of {contact.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Set an address</h2>
      <form method="post" action={model.action} novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <Radios
          name="kind"
          legend="Whose address is it?"
          options={[
            { value: 'worker', label: 'A worker’s: their own children' },
            { value: 'team', label: 'A team manager’s: the whole team’s children' },
          ]}
          value={values.kind}
          errors={errors}
        />
        <TextInput name="name" label="Name of the worker or team" hint="As on the children's records. An address already set for this name is replaced." value={values.name} errors={errors} width="ds_input--fluid-two-thirds" />
        <TextInput name="email" label="E-mail address" value={values.email} errors={errors} width="ds_input--fluid-two-thirds" autocomplete="email" />
        <button type="submit" class="ds_button">
          Save the address
        </button>
      </form>
    </Page>
  );
}
