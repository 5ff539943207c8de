/**
 * Timelines of a group of children on one axis: a GET form choosing the group (works without
 * JavaScript), then the drawing, its downloads and print page, and a table of the same children.
 */
import type { VNode } from 'preact';
import type { GroupFormValues } from '../forms/timeline-query.js';
import type { GroupTimelineModel } from '../presenters/timeline-group.js';
import { DataTable, ErrorSummary, PageHeader, Radios, Select, TextInput, type FieldError, type Option } from './components.js';
import { Page, type Chrome } from './layout.js';
import { SvgAndPhonePicture } from './trusted-svg.js';

export interface GroupFormModel {
  readonly action: string;
  readonly values: GroupFormValues;
  readonly aims: readonly Option[];
  readonly siblingGroups: readonly Option[];
  readonly errors: readonly FieldError[];
}

export function TimelinesPage(props: { chrome: Chrome; form: GroupFormModel; group: GroupTimelineModel | null }): VNode {
  const { form, group } = props;
  return (
    <Page title={group ? `Timelines: ${group.title}` : 'Timelines of a group of children'} chrome={props.chrome} hasErrors={form.errors.length > 0} wide>
      <ErrorSummary errors={form.errors} />
      <PageHeader title="Timelines of a group of children" label={props.chrome.authority?.name}>
        <p class="ds_page-header__metadata">Several children on one axis: brothers and sisters, children you choose, or everyone who has waited longer than you say.</p>
      </PageHeader>
      <GroupForm form={form} />
      {group && <GroupResult group={group} />}
    </Page>
  );
}

function GroupForm({ form }: { form: GroupFormModel }): VNode {
  const { values, errors } = form;
  return (
    <form method="get" action={form.action} aria-label="Choose the children">
      <Radios
        name="group"
        legend="Which children"
        value={values.group}
        errors={errors}
        options={[
          {
            value: 'siblings',
            label: 'Brothers and sisters',
            fields:
              form.siblingGroups.length === 0 ? (
                <p class="ds_hint-text">No sibling groups are recorded in this authority.</p>
              ) : (
                <Select name="sibling_group" label="Sibling group" value={values.sibling_group} blank="Choose a sibling group" options={form.siblingGroups} errors={errors} />
              ),
          },
          {
            value: 'chosen',
            label: 'Children I choose',
            fields: <TextInput name="children" label="Their references" hint="Separated by commas, such as A1, B2, C3. They are drawn in this order." value={values.children} errors={errors} />,
          },
          {
            value: 'waiting',
            label: 'Waiting longer than a number of weeks for an aim',
            fields: (
              <>
                <Select name="aim" label="Aim" value={values.aim} blank="Choose an aim" options={form.aims} errors={errors} />
                <TextInput name="weeks" label="Waiting more than this many weeks" hint="0 for everyone still waiting." value={values.weeks} width="ds_input--fixed-4" errors={errors} />
              </>
            ),
          },
          {
            value: 'at-home',
            label: 'Looked after at home on a supervision order for longer than a number of months',
            fields: <TextInput name="months" label="At home more than this many months" value={values.months} width="ds_input--fixed-4" errors={errors} />,
          },
        ]}
      />
      <Radios
        name="align"
        legend="Line them up by"
        value={values.align || 'calendar'}
        errors={errors}
        options={[
          { value: 'calendar', label: 'Calendar date' },
          { value: 'journey', label: "Weeks since each child's journey started" },
        ]}
      />
      <Radios
        name="view"
        legend="Show"
        value={values.view || 'full'}
        errors={errors}
        options={[
          { value: 'full', label: 'The full timeline: where they lived, every move, the decisions and the aims’ due dates' },
          { value: 'placements', label: 'The placement history: where they lived and every move' },
        ]}
      />
      <TextInput name="as_at" label="As at" hint="A date such as 2024-03-01 or 01/03/2024. Only what had happened by then is drawn." value={values.as_at} width="ds_input--fixed-10" errors={errors} />
      <button type="submit" class="ds_button">
        Show the timelines
      </button>
    </form>
  );
}

function GroupResult({ group }: { group: GroupTimelineModel }): VNode {
  return (
    <section aria-labelledby="group-title">
      <h2 id="group-title">{group.title}</h2>
      {group.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      {group.svg && (
        <>
          <SvgAndPhonePicture svg={group.svg} phone={group.narrow} />
          <ul class="pace-actions ds_no-bullets pace-downloads">
            <li>
              <a class="ds_link" href={group.links.svg} download>
                Download SVG<span class="visually-hidden"> picture of the group's timelines</span>
              </a>
            </li>
            <li>
              <a class="ds_link" href={group.links.png} download>
                Download PNG<span class="visually-hidden"> picture of the group's timelines</span>
              </a>
            </li>
            <li>
              <a class="ds_link" href={group.links.print}>
                Print each child's timeline (A4)
              </a>
            </li>
          </ul>
          <DataTable table={group.table} />
        </>
      )}
    </section>
  );
}
