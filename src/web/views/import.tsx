/** The import pages: the upload form with the import log, and a check or import with its progress and report. */
import type { VNode } from 'preact';
import { csvText } from '../../charts/csv.js';
import type { ImportProgress, ImportReport } from '../../ingest/import-files.js';
import type { ImportProblem } from '../../ingest/import-problem.js';
import type { ImportLogEntry } from '../../store/index.js';
import type { ImportJob } from '../../app/import-jobs.js';
import { formatCount, formatInstant, plural } from '../../app/format.js';
import { savedWords } from '../../app/saved-words.js';
import { CsrfField, ErrorSummary, PageHeader, Select, TableScroll, Tag, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

/** Problems listed on the page; every one is in the CSV download. */
export const problemsShown = 200;

export function ImportPage(props: {
  chrome: Chrome;
  action: string;
  profiles: readonly { name: string; description: string }[];
  profile: string;
  errors: readonly FieldError[];
  imports: readonly ImportLogEntry[];
}): VNode {
  const fileError = props.errors.find((e) => e.field === 'files')?.message ?? null;
  const chosen = props.profiles.find((p) => p.name === props.profile);
  return (
    <Page title="Import files" chrome={props.chrome} hasErrors={props.errors.length > 0}>
      <PageHeader title="Import files" label={props.chrome.authority?.name} />
      <ErrorSummary errors={props.errors} />
      <p>
        Upload the three CSV files (children, placements and events) or one .xlsx workbook with those three sheets. pace checks every row first and
        shows you every problem; nothing is saved until you choose to import, and then all of it is saved or none of it.
      </p>
      <p>
        <a class="ds_link" href={`/help/format?authority=${encodeURIComponent(props.chrome.authority?.code ?? '')}`}>
          The files pace reads: every column and code
        </a>
      </p>
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <Select
          name="profile"
          label="What the files are"
          hint={chosen?.description ?? 'The mapping profile: how the export names its files, columns, codes and dates.'}
          value={props.profile}
          options={props.profiles.map((p) => ({ value: p.name, label: p.name === 'canonical' ? 'pace’s own format (canonical)' : p.name }))}
          errors={props.errors}
        />
        {/* A plain file input styled by the design system's ds_file-upload__input, the component's own
            look without script. Not inside a ds_file-upload element: the design system's script would
            turn it into a drop zone whose name axe finds does not hold its visible text
            (docs/decisions/0008-web-import.md, "The file input"). */}
        <div class={`ds_question${fileError ? ' ds_question--error' : ''}`}>
          <label class="ds_label" for="files">
            Files
          </label>
          <p class="ds_hint-text" id="files-hint">
            Choose up to three .csv files, or one .xlsx workbook. Each file may be up to 100 MB.
          </p>
          {fileError && (
            <p class="ds_question__error-message" id="files-error">
              {fileError}
            </p>
          )}
          <input
            class={`ds_file-upload__input${fileError ? ' ds_file-upload__input--error' : ''}`}
            type="file"
            id="files"
            name="files"
            multiple
            accept=".csv,.xlsx,text/csv"
            aria-describedby={fileError ? 'files-hint files-error' : 'files-hint'}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="ds_button">
          Check the files
        </button>
      </form>
      <h2>Imports</h2>
      {props.imports.length === 0 ? <p>No files have been imported into this authority yet.</p> : <ImportLog imports={props.imports} />}
    </Page>
  );
}

const outcomeTags = { imported: { colour: 'green', label: 'Imported' }, refused: { colour: 'red', label: 'Refused' }, 'dry-run': { colour: 'grey', label: 'Checked only' } } as const;

function ImportLog({ imports }: { imports: readonly ImportLogEntry[] }): VNode {
  return (
    <TableScroll label="The latest imports, newest first">
      <table class="ds_table">
        <caption class="visually-hidden">The latest imports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Outcome</th>
            <th scope="col">Files</th>
            <th scope="col">Added, changed, unchanged</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((entry) => (
            <tr key={entry.id}>
              <td>{formatInstant(entry.at)}</td>
              <td>{entry.by}</td>
              <td>
                <Tag colour={outcomeTags[entry.outcome].colour}>{outcomeTags[entry.outcome].label}</Tag>
                {entry.errors > 0 && ` ${plural(entry.errors, 'error')}`}
              </td>
              <td>{entry.files.map((f) => f.name).join(', ') || '—'}</td>
              <td>{entry.outcome === 'refused' ? '—' : savedWords(entry.counts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ImportJobPage(props: {
  chrome: Chrome;
  job: ImportJob;
  running: boolean;
  commitAction: string | null;
  problemsHref: string | null;
  importHref: string;
  dashboardHref: string;
  qualityHref: string;
}): VNode {
  const { job } = props;
  const title = job.dryRun ? 'Checking the files' : 'Importing the files';
  return (
    <Page title={title} chrome={props.chrome} hasErrors={(job.report?.errors ?? 0) > 0} {...(props.running ? { refreshSeconds: 2 } : {})}>
      <PageHeader title={title} label={props.chrome.authority?.name} />
      <p>Files: {job.upload.fileNames.join(', ')}. Profile: {job.profile.name}.</p>
      {props.running && job.attempt > 1 && (
        <p>The server doing this stopped before it finished. It has been started again from the beginning (attempt {job.attempt}); nothing from the stopped attempt was written.</p>
      )}
      {props.running && <Progress progress={job.progress} />}
      {job.failure && (
        <div class="ds_error-summary" role="alert" aria-labelledby="failure-title">
          <h2 class="ds_error-summary__title" id="failure-title">
            The files could not be checked
          </h2>
          <p>{job.failure}</p>
        </div>
      )}
      {job.report && <Report report={job.report} commitAction={props.commitAction} csrfToken={props.chrome.csrfToken} problemsHref={props.problemsHref} />}
      {job.report?.outcome === 'imported' && (
        <p>
          <a class="ds_link" href={props.dashboardHref}>
            See the dashboard
          </a>{' '}
          or{' '}
          <a class="ds_link" href={props.qualityHref}>
            the data-quality report
          </a>
          .
        </p>
      )}
      {!props.running && (
        <p>
          <a class="ds_link" href={props.importHref}>
            {job.report?.outcome === 'refused' ? 'Upload corrected files' : 'Import other files'}
          </a>
        </p>
      )}
    </Page>
  );
}

function Progress({ progress }: { progress: ImportProgress | null }): VNode {
  const [words, done, total] =
    progress === null
      ? ['Waiting to start…', 0, 1]
      : progress.phase === 'reading'
        ? [`Reading the files: ${megabytes(progress.bytes)} of ${megabytes(progress.totalBytes)}`, progress.bytes, progress.totalBytes]
        : progress.phase === 'checking'
          ? ['Checking every child’s records against every rule…', 1, 1]
          : [`Writing: ${progress.records.toLocaleString('en-GB')} of ${progress.totalRecords.toLocaleString('en-GB')} records`, progress.records, progress.totalRecords];
  return (
    <div role="status">
      <p>{words}</p>
      <progress max={Math.max(total, 1)} value={done} aria-label="Progress">
        {total > 0 ? `${Math.round((100 * done) / total)}%` : ''}
      </progress>
      <p class="ds_hint-text">This page refreshes itself every two seconds until the work is done.</p>
    </div>
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function Report(props: { report: ImportReport; commitAction: string | null; csrfToken: string; problemsHref: string | null }): VNode {
  const { report } = props;
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  return (
    <>
      {report.errors > 0 && (
        <div class="ds_error-summary" aria-labelledby="error-summary-title" role="alert">
          <h2 class="ds_error-summary__title" id="error-summary-title">
            {plural(report.errors, 'error')}: nothing was imported
          </h2>
          <ul class="ds_error-summary__list">
            {errors.slice(0, 10).map((p, i) => (
              <li key={i}>
                <a href={`#problem-${i + 1}`}>{`${where(p)}: ${p.message}`}</a>
              </li>
            ))}
            {errors.length > 10 && <li>{`… and ${report.errors - 10} more, listed below`}</li>}
          </ul>
        </div>
      )}
      <p>
        Read {plural(report.rows.children, 'child', 'children')}, {plural(report.rows.placements, 'placement')} and {plural(report.rows.events, 'event')}.{' '}
        {report.errors === 0 && report.warnings === 0 ? 'Every rule is met.' : `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} (warnings do not stop an import).`}
      </p>
      <Outcome report={report} />
      {props.commitAction && (
        <form method="post" action={props.commitAction}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit" class="ds_button">
            Import these records
          </button>
        </form>
      )}
      {report.problems.length > 0 && <Problems problems={[...errors, ...warnings]} counts={report.problemCounts} href={props.problemsHref} />}
    </>
  );
}

function Outcome({ report }: { report: ImportReport }): VNode | null {
  if (report.saved === null) return <p>Correct the errors in your files and upload them again. Nothing was written.</p>;
  if (report.outcome === 'dry-run') return <p>Nothing has been written yet. Importing would save: {savedWords(report.saved)}.</p>;
  return (
    <div class="ds_inset-text" role="status">
      <div class="ds_inset-text__text">
        Imported (import {report.importId}): {savedWords(report.saved)}. Earlier versions of changed records are kept in each record’s history.
      </div>
    </div>
  );
}


function Problems(props: { problems: readonly ImportProblem[]; counts: ImportReport['problemCounts']; href: string | null }): VNode {
  const total = props.counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <>
      <h2>Every problem</h2>
      {total > problemsShown && <p>{`The first ${formatCount(problemsShown)} of ${formatCount(total)} are listed here.`}</p>}
      {props.href && (
        <p>
          <a class="ds_link" href={props.href} download>
            Download the problems as CSV
          </a>
        </p>
      )}
      <TableScroll label="Each problem with the file, row and column it is in, and how to fix it">
        <table class="ds_table pace-problems">
          <caption class="visually-hidden">Each problem with the file, row and column it is in, and how to fix it</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
              <th scope="col">How to fix it</th>
            </tr>
          </thead>
          <tbody>
            {props.problems.slice(0, problemsShown).map((p, i) => (
              <tr key={i} id={`problem-${i + 1}`}>
                <td>
                  <Tag colour={p.severity === 'error' ? 'red' : 'orange'}>{p.severity === 'error' ? 'Error' : 'Warning'}</Tag> {where(p)}
                </td>
                <td>{p.value ?? ''}</td>
                <td>{p.message}</td>
                <td>{p.fix}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function where(p: ImportProblem): string {
  return [p.file, p.row === null ? null : `row ${p.row}`, p.column === null ? null : `column ${p.column}`].filter((part) => part !== null).join(', ');
}

const problemColumns = ['severity', 'rule', 'file', 'row', 'column', 'value', 'child_id', 'problem', 'fix'];

/** Every kept problem of an import, as CSV. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  return csvText(
    problemColumns,
    problems.map((p) => [p.severity, p.code, p.file, p.row, p.column, p.value, p.childId, p.message, p.fix]),
  );
}
