/** The API's reference: every operation, how to authenticate, what it takes and what it answers. */
import type { VNode } from 'preact';
import type { ApiDocsModel, ApiField, ApiOperation } from '../presenters/api-docs.js';
import { PageHeader, TableScroll, Tag } from './components.js';
import { Page, type Chrome } from './layout.js';

const methodColours = { GET: 'blue', PUT: 'orange', POST: 'green', PATCH: 'yellow', DELETE: 'red' } as const;

export function ApiDocsPage(props: { chrome: Chrome; model: ApiDocsModel; documentHref: string }): VNode {
  const { model } = props;
  return (
    <Page title="The pace API" chrome={props.chrome}>
      <PageHeader title="The pace API" />
      <p>{model.description}</p>
      <p>
        The same description for programs, as an OpenAPI 3.1 document:{' '}
        <a class="ds_link" href={props.documentHref}>
          {props.documentHref}
        </a>
        .
      </p>
      <h2 id="authentication">Authentication</h2>
      <p>
        Every request under <code>/api/v1</code> carries a bearer token in its <code>Authorization</code> header: <code>Authorization: Bearer pace_…</code>. An administrator makes a token on the server with <code>pace user token USERNAME</code>; the request acts
        with that user’s roles, in the authorities that user may see. Cookies are never read, so being signed in to these pages does not sign in a program. Without a token, or with one that is unknown or revoked, the answer is 401.
      </p>
      <p>Bodies are JSON, sent with <code>Content-Type: application/json</code>, at most 2 MB. Dates are sent as YYYY-MM-DD (or DD/MM/YYYY) and come back as YYYY-MM-DD.</p>
      <h2 id="operations">Operations</h2>
      <ul class="ds_no-bullets">
        {model.groups.flatMap((g) =>
          g.operations.map((op) => (
            <li key={op.anchor}>
              <a class="ds_link pace-api-path" href={`#${op.anchor}`}>
                {op.method} {op.path}
              </a>
            </li>
          )),
        )}
      </ul>
      {model.groups.map((group) => (
        <section key={group.tag} aria-labelledby={`tag-${group.tag}`}>
          <h2 id={`tag-${group.tag}`}>{group.description || group.tag}</h2>
          {group.operations.map((op) => (
            <Operation key={op.anchor} op={op} />
          ))}
        </section>
      ))}
      <section aria-labelledby="errors">
        <h2 id="errors">Errors</h2>
        <p>Every error, whatever its status, is answered with the same JSON body:</p>
        <Fields fields={model.errorFields} label="The fields of an error" />
      </section>
    </Page>
  );
}

function Operation({ op }: { op: ApiOperation }): VNode {
  const name = `${op.method} ${op.path}`;
  return (
    <section class="pace-api-operation" aria-labelledby={op.anchor}>
      <h3 id={op.anchor} class="pace-api-path">
        <Tag colour={methodColours[op.method as keyof typeof methodColours] ?? 'grey'}>{op.method}</Tag> <code>{op.path}</code>
      </h3>
      <p>{op.summary}</p>
      <p>
        <strong>Authentication:</strong> {op.bearer ? <a class="ds_link" href="#authentication">a bearer token</a> : 'none'}.
      </p>
      {op.parameters.length > 0 && (
        <>
          <h4>Parameters</h4>
          <TableScroll label={`${name}: parameters`}>
            <table class="ds_table">
              <caption class="visually-hidden">{`${name}: parameters`}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">What it is</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <td>
                      <code>{p.name}</code>
                    </td>
                    <td>{p.in === 'path' ? 'path' : p.in === 'query' ? 'query string' : p.in}</td>
                    <td>{`${p.type}${p.required ? '' : ', optional'}`}</td>
                    <td>
                      <Description field={p} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {op.body && (
        <>
          <h4>Request body</h4>
          <Fields fields={op.body} label={`${name}: request body`} />
        </>
      )}
      <h4>Responses</h4>
      <dl class="pace-api-responses">
        {op.responses.map((r) => (
          <div key={r.status}>
            <dt>{r.status}</dt>
            <dd>
              {r.description}
              {r.fields === null && (
                <>
                  {' '}
                  (<a class="ds_link" href="#errors">an error</a>)
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {op.responses
        .filter((r) => r.fields !== null)
        .map((r) => (
          <div key={r.status}>
            <h5 class="pace-api-response-heading">Status {r.status}: the answer’s fields</h5>
            <Fields fields={r.fields ?? []} label={`${name}: the fields of status ${r.status}`} />
          </div>
        ))}
    </section>
  );
}

/** A body's fields, nested ones by their path (`journeys[].child_id`). */
function Fields({ fields, label }: { fields: readonly ApiField[]; label: string }): VNode {
  return (
    <TableScroll label={label}>
      <table class="ds_table">
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">What it holds</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name}>
              <td>
                <code>{f.name}</code>
              </td>
              <td>{`${f.type}${f.required ? '' : ', optional'}`}</td>
              <td>
                <Description field={f} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Description({ field }: { field: ApiField }): VNode {
  return (
    <>
      {field.description}
      {field.values.length > 0 && (
        <>
          {field.description ? '. ' : ''}One of:{' '}
          {field.values.map((v, i) => (
            <span key={v}>
              {i > 0 && ', '}
              <code>{v}</code>
            </span>
          ))}
        </>
      )}
    </>
  );
}
