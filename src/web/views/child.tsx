/** A child's record: details, placements, events, journeys with their statuses, and the history of changes. */
import type { VNode } from 'preact';
import type { ChildModel } from '../presenters/child.js';
import { NoticeBox, PageHeader, SummaryList, TableScroll, Tag } from './components.js';
import { statusColour } from './journey-list.js';
import { Page, type Chrome } from './layout.js';
import { ChildTimelineSection } from './timeline.js';


export function ChildPage(props: { chrome: Chrome; model: ChildModel; canRecord: boolean; notice: string | null }): VNode {
  const { model, canRecord } = props;
  return (
    <Page title={model.title} chrome={props.chrome}>
      <NoticeBox notice={props.notice} />
      <PageHeader title={model.title} label="Child record" />
      {canRecord && (
        <ul class="pace-actions ds_no-bullets">
          <li>
            <a class="ds_button ds_button--secondary ds_button--small" href={model.links.edit}>
              Change details
            </a>
          </li>
          <li>
            <a class="ds_button ds_button--secondary ds_button--small" href={model.links.addPlacement}>
              Add a placement
            </a>
          </li>
          <li>
            <a class="ds_button ds_button--small" href={model.links.addEvent}>
              Add an event
            </a>
          </li>
        </ul>
      )}
      <h2>Waiting as at {model.asAtWords}</h2>
      {model.waiting.length === 0 ? (
        <p>
          Not waiting for any aim's milestone.{model.sinceLastDecision !== null && ` Still looked after, with no order yet: ${model.sinceLastDecision}.`}
        </p>
      ) : (
        <ul class="ds_no-bullets">
          {model.waiting.map(({ aimName, row }) => (
            <li key={`${aimName}|${row.start}`}>
              <Tag colour={statusColour[row.status]}>{row.statusLabel}</Tag> {aimName}, {row.weeks} since {row.start} (due by {row.due}).
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="ds_link" href="#journeys">
          Every journey, aim by aim
        </a>
      </p>

      <h2>Details</h2>
      <SummaryList items={model.details} />

      <ChildTimelineSection model={model.timeline} />

      <h2>Placements</h2>
      {model.placements.length === 0 ? (
        <p>No placements recorded.</p>
      ) : (
        <TableScroll label="Placements, earliest first">
          <table class="ds_table">
            <caption class="visually-hidden">Placements, earliest first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
                <th scope="col">Setting</th>
                <th scope="col">Legal basis</th>
                <th scope="col">Carer</th>
                {canRecord && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {model.placements.map((p) => (
                <tr key={p.id}>
                  <td>{p.id}</td>
                  <td>{p.start}</td>
                  <td>{p.end}</td>
                  <td>{p.type}</td>
                  <td>{p.legalBasis}</td>
                  <td>{p.carer}</td>
                  {canRecord && <ChangeCell href={p.editHref} what={`placement ${p.id}`} />}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>Events</h2>
      {model.events.length === 0 ? (
        <p>No events recorded.</p>
      ) : (
        <TableScroll label="Events, earliest first">
          <table class="ds_table">
            <caption class="visually-hidden">Events, earliest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Event</th>
                <th scope="col">Route</th>
                <th scope="col">Note</th>
                <th scope="col">Reference</th>
                {canRecord && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {model.events.map((e) => (
                <tr key={e.id}>
                  <td>{e.date}</td>
                  <td>{e.type}</td>
                  <td>{e.route}</td>
                  <td>{e.note}</td>
                  <td>{e.id}</td>
                  {canRecord && <ChangeCell href={e.editHref} what={`event ${e.id}`} />}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {model.plans.length > 0 && (
        <>
          <h2>Planned and cancelled</h2>
          <p>Meetings and decisions planned and not yet held, and those cancelled. They are not milestones: no journey or figure counts them.</p>
          <TableScroll label="Planned and cancelled events, by planned date">
            <table class="ds_table">
              <caption class="visually-hidden">Planned and cancelled events, by planned date</caption>
              <thead>
                <tr>
                  <th scope="col">Planned for</th>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Reason or note</th>
                  <th scope="col">Reference</th>
                  {canRecord && <th scope="col">Change</th>}
                </tr>
              </thead>
              <tbody>
                {model.plans.map((p) => (
                  <tr key={p.id}>
                    <td>{p.date}</td>
                    <td>{p.type}</td>
                    <td>
                      <Tag colour={p.status === 'Planned' ? 'blue' : 'grey'}>{p.status}</Tag>
                    </td>
                    <td>{p.reason}</td>
                    <td>{p.id}</td>
                    {canRecord && <ChangeCell href={p.editHref} what={`event ${p.id}`} />}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      <h2 id="journeys">Journeys as at {model.asAtWords}</h2>
      {model.journeys.map((group) => (
        <section key={group.aimName} aria-label={group.aimName}>
          <h3>{group.aimName}</h3>
          {group.rows.length === 0 ? (
            <p>No journey of this kind.</p>
          ) : (
            <TableScroll label={`${group.aimName}: journeys`}>
              <table class="ds_table">
                <caption class="visually-hidden">{group.aimName}: journeys</caption>
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">Reached the milestone, or left</th>
                    <th scope="col">Due by</th>
                    <th scope="col">Weeks</th>
                    <th scope="col">Plan</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {group.rows.map((j) => (
                    <tr key={j.start}>
                      <td>{j.start}</td>
                      <td>{j.end}</td>
                      <td>{j.due}</td>
                      <td>{j.weeks}</td>
                      <td>{j.route}</td>
                      <td>
                        <Tag colour={statusColour[j.status]}>{j.statusLabel}</Tag>
                        <span class="ds_hint-text pace-status-meaning">{j.statusMeaning}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ))}

      <h2>History of changes</h2>
      {model.history.length === 0 ? (
        <p>No changes since these records were first made.</p>
      ) : (
        <ul class="ds_no-bullets pace-history">
          {model.history.map((h, i) => (
            <li key={i}>
              <p class="pace-history-change">
                <strong>{h.what}</strong> by {h.who}, {h.when}
              </p>
              {h.changes.length > 0 && (
                <ul>
                  {h.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

/** The last cell of a row a recorder can change: a link named, for a screen reader, by what it changes. */
function ChangeCell({ href, what }: { href: string; what: string }) {
  return (
    <td>
      <a class="ds_link" href={href}>
        Change<span class="visually-hidden"> {what}</span>
      </a>
    </td>
  );
}
