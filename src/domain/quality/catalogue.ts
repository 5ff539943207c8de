/**
 * The catalogue of data-quality rules: every problem an import or the quality report can name,
 * each with a stable code, a severity, a message template and a fix in plain English. Errors stop
 * an import (the data cannot be stored or would be misread); warnings are suspicious but possible,
 * and are reported without stopping it (docs/decisions/0003-import.md).
 *
 * Templates name `{column}`, `{value}` and `{detail}`; `renderMessage` fills them in.
 */

export type Severity = 'error' | 'warning';

/** Where a rule is checked: the shape of a file, one row's text, one record, a child's records, or stored data. */
export type RuleScope = 'file' | 'row' | 'record' | 'child' | 'report';

export interface RuleDefinition {
  readonly severity: Severity;
  readonly scope: RuleScope;
  readonly message: string;
  readonly fix: string;
}

const error = (scope: RuleScope, message: string, fix: string): RuleDefinition => ({ severity: 'error', scope, message, fix });
const warning = (scope: RuleScope, message: string, fix: string): RuleDefinition => ({ severity: 'warning', scope, message, fix });

export const ruleCatalogue = {
  // The shape of the files.
  'file-missing': error('file', 'no {value} found', 'Export the {detail} table and put it beside the others (or name it in the mapping profile).'),
  'file-empty': error('file', 'the file is empty', 'Export the table again: the file has no header row and no data.'),
  'file-unreadable': error('file', 'the file cannot be read: {detail}', 'Save it again from the spreadsheet or the case-management system as CSV UTF-8 or as an .xlsx workbook.'),
  'file-no-rows': warning('file', 'the file has a header row but no data', 'Check that the export was not filtered to nothing; nothing from this file is imported.'),
  'encoding-converted': warning('file', 'the file is not UTF-8; it was read as {value}', 'Check that names with accents look right; saving as "CSV UTF-8" avoids the guess.'),
  'column-missing': error('file', 'required column {value} is missing', 'Add the column {value} (or map your column to it in the mapping profile).'),
  'column-unknown': warning('file', 'column {value} is not used and was ignored', 'Nothing to do if the column is not needed; otherwise map it to a canonical column in the mapping profile.'),
  'column-duplicate': error('file', 'two columns both give {value}', 'Remove or rename one of the columns so that each canonical column is given once.'),
  'csv-malformed': error('row', 'the row cannot be read as CSV: {detail}', 'Look for a quote mark that is opened and never closed near this row, and save the file again as CSV.'),
  'row-too-many-values': error('row', 'the row has {value} values but the header has {detail} columns', 'A value probably holds a separator without quotes; quote it or remove the extra separator.'),
  'row-too-few-values': warning('row', 'the row has {value} values but the header has {detail} columns; the missing ones were read as empty', 'Check that the row was not cut short.'),
  // One value, as text.
  'value-required': error('row', '{column} is empty', 'Fill in {column}: every row needs it.'),
  'date-invalid': error('row', 'invalid {column}: {value}', 'Write the date as YYYY-MM-DD or DD/MM/YYYY (or the format the mapping profile names), and check that the day exists.'),
  'placement-type-unknown': error('row', 'unknown placement_type: {value}', 'Use one of home, kinship, foster, adopters, residential, secure, other, or map the value in the mapping profile.'),
  'legal-basis-unknown': error('row', 'unknown legal_basis: {value}', 'Use one of CSO, ICSO, CPO, S25, PO, POA, other, or map the value in the mapping profile.'),
  'sex-unknown': error('row', 'unknown sex: {value}', 'Use M, F or X (other or not known), or map the value in the mapping profile.'),
  'event-type-unknown': error('row', 'unknown event_type: {value}', 'Use one of the event types listed on “The files pace reads” (linked from the Import page), or map the value in the mapping profile.'),
  'route-unknown': error('row', 'unknown route: {value}', 'Use one of home, kinship_order, permanence_order, poa, adoption, or map the value in the mapping profile.'),
  'id-duplicate': error('row', '{column} {value} appears more than once in the file (first on row {detail})', 'Give each row its own id, or remove the repeated row.'),
  'id-looks-like-number': warning('row', '{column} {value} looks like a number a spreadsheet changed', 'Check the id against the case-management system: a spreadsheet may have turned 1001 into 1001.0 or 1.001E+3.'),
  'text-formula': warning('row', '{column} starts like a spreadsheet formula: {value}', 'It is stored as text, exactly as written, and never calculated; correct it in the source system if it is not meant.'),
  'text-markup': warning('row', '{column} holds HTML markup: {value}', 'It is stored and shown as plain text; correct it in the source system if it is not meant.'),
  'text-too-long': warning('row', '{column} is {detail} characters long', 'Check that the column was not mixed up with another, such as a notes column.'),
  // One record.
  'event-status-unknown': error('row', 'unknown status: {value}', 'Use held, planned or cancelled, or map the value in the mapping profile.'),
  'planned-date-required': error('row', 'the {detail} event has no planned_date', 'Give the day it was planned for in planned_date, or set status to held and give the day it happened in date.'),
  'date-not-expected': error('row', 'the {detail} event has a date ({value})', 'Leave date empty for an event that was not held (date is the day it happened), or set status to held.'),
  'cancelled-reason-missing': warning('row', 'the cancelled event gives no reason', 'Write why it was cancelled in note: reasons for cancellation are what a review of them reads.'),
  'date-in-future': error('record', '{column} {value} is after today ({detail})', 'Record the day it happened. If it is an event still to come, set its status to planned, give the day in planned_date and leave date empty.'),
  'placement-end-before-start': error('record', 'end_date {value} is before start_date {detail}', 'Correct one of the dates: end_date is the last day in the placement.'),
  'placement-before-birth': error('record', 'start_date {value} is before the child was born ({detail})', 'Correct the placement start or the date of birth.'),
  'route-missing': error('record', '{detail} has no route', 'Give the route (home, kinship_order, permanence_order, poa or adoption): this event type needs one.'),
  'event-before-birth': warning('record', '{detail} on {value} is before the child was born', 'Possible for a pre-birth referral; otherwise correct the date or the date of birth.'),
  'route-not-expected': warning('record', '{detail} has a route ({value}) but that event type does not take one', 'Remove the route, or check the event type.'),
  'adm-route-home': warning('record', 'the agency decision maker decision names the route home', 'An ADM decision is about permanence away from home; check the route or the event type.'),
  'placement-after-eighteen': warning('record', 'placement starting {value} begins after the child turned 18 ({detail})', 'Check the date of birth and the start date.'),
  'looked-after-at-eighteen': warning('record', 'placement {value} continues on or after the child’s 18th birthday ({detail})', 'End the placement on the day before the 18th birthday, or record when the child ceased to be looked after: pace ends the child’s journeys the day before the 18th birthday.'),
  'recommendation-route-missing': warning('record', 'the permanence recommendation on {value} names no route', 'Record the route it recommended. Until then pace takes the route of the latest plan before it, or counts the journey as having no plan yet.'),
  // A child's records together.
  'placement-child-unknown': error('child', 'placement for child {value}, who is not in the children file', 'Add the child to the children file, or correct the child_id.'),
  'event-child-unknown': error('child', 'event for child {value}, who is not in the children file', 'Add the child to the children file, or correct the child_id.'),
  'placements-overlap': error('child', 'placement {value} overlaps placement {detail}', 'Correct the dates: a child is in one placement on any day (end_date is the last day in the placement).'),
  'adm-before-recommendation': warning('child', 'agency decision maker decision on {value} has no permanence recommendation on or before it', 'Record the permanence recommendation, or correct the date of the decision.'),
  'application-before-adm': warning('child', 'court application lodged on {value} has no agency decision maker decision on or before it', 'Record the ADM decision, or correct the date of the application.'),
  'order-before-application': warning('child', 'order granted on {value} has no court application lodged on or before it', 'Record the court application, or correct the date of the order.'),
  'advice-received-before-requested': warning('child', 'legal advice received on {value} before any request for it', 'Record the request for legal advice, or correct the dates.'),
  'adm-route-differs': warning('child', 'the agency decision maker decided {value} but the latest recommendation before it was {detail}', 'Check both routes; record a new recommendation if the plan changed.'),
  'ceased-while-placed': warning('child', 'ceased to be looked after on {value} while placement {detail} continues after that day', 'End the placement on that day, or correct the date of the event: pace ends the child’s journeys on the day they ceased to be looked after.'),
  'placement-after-ceased': warning('child', 'ceased to be looked after on {value}, but placement {detail} follows on without a break', 'Correct the date of the event or of the placement; if the child came back into care, record the gap (pace treats placements with no gap between them as one time looked after, which ended when the child ceased to be looked after).'),
  'placement-split': warning('child', 'placement {value} continues placement {detail} with the same carer and type', 'A placement is one period with one carer: merge the two rows unless something really changed.'),
  'event-duplicate': warning('child', 'recorded twice: {detail} on {value}', 'Remove one of the two, unless two really happened on the same day.'),
  'home-review-without-home-placement': warning('child', 'review of the period at home on {value} but the child was never looked after at home before it', 'Check the event type, or record the placement at home.'),
  'child-without-placement': warning('child', 'child has no placement', 'Record the placements: without them pace cannot tell when the child was looked after.'),
  // Stored data, in the quality report.
  'recording-late': warning('report', 'event dated {value} was recorded {detail} days after it happened', 'Record milestones as they happen: late records make waits look shorter than they were. (Measured only where the recorded date is known: pace’s own forms, or a recorded_date column.)'),
  'journey-without-events': warning('report', '{detail} open since {value} has had no event for over a year', 'Record what has happened since, or end the journey with its milestone.'),
} as const satisfies Readonly<Record<string, RuleDefinition>>;

export type RuleCode = keyof typeof ruleCatalogue;

export const ruleCodes = Object.keys(ruleCatalogue) as RuleCode[];

export function ruleOf(code: RuleCode): RuleDefinition {
  return ruleCatalogue[code];
}

/** Each rule's name in words, for headings, counts and lists (the code stays for files and links). */
export const ruleTitles: Readonly<Record<RuleCode, string>> = {
  'file-missing': 'File missing',
  'file-empty': 'File empty',
  'file-unreadable': 'File cannot be read',
  'file-no-rows': 'File has no rows',
  'encoding-converted': 'File not in UTF-8',
  'column-missing': 'Required column missing',
  'column-unknown': 'Column not used',
  'column-duplicate': 'Column given twice',
  'csv-malformed': 'Row cannot be read',
  'row-too-many-values': 'Row has too many values',
  'row-too-few-values': 'Row has too few values',
  'value-required': 'Required value empty',
  'date-invalid': 'Date not valid',
  'placement-type-unknown': 'Placement type not known',
  'legal-basis-unknown': 'Legal basis not known',
  'sex-unknown': 'Sex not known',
  'event-type-unknown': 'Event type not known',
  'route-unknown': 'Route not known',
  'id-duplicate': 'Reference used twice',
  'id-looks-like-number': 'Reference changed by a spreadsheet',
  'text-formula': 'Text looks like a formula',
  'text-markup': 'Text holds HTML',
  'text-too-long': 'Text unusually long',
  'event-status-unknown': 'Event status not known',
  'planned-date-required': 'Planned date missing',
  'date-not-expected': 'Date on an event not held',
  'cancelled-reason-missing': 'Cancelled without a reason',
  'date-in-future': 'Date in the future',
  'placement-end-before-start': 'Placement ends before it starts',
  'placement-before-birth': 'Placement before birth',
  'route-missing': 'Route missing',
  'event-before-birth': 'Event before birth',
  'route-not-expected': 'Route where none is expected',
  'adm-route-home': 'ADM decision for a return home',
  'placement-after-eighteen': 'Placement starts after 18',
  'looked-after-at-eighteen': 'Still looked after at 18',
  'recommendation-route-missing': 'Recommendation without a route',
  'placement-child-unknown': 'Placement of an unknown child',
  'event-child-unknown': 'Event of an unknown child',
  'placements-overlap': 'Placements overlap',
  'adm-before-recommendation': 'ADM decision before a recommendation',
  'application-before-adm': 'Court application before an ADM decision',
  'order-before-application': 'Order before a court application',
  'advice-received-before-requested': 'Legal advice received before it was requested',
  'adm-route-differs': 'ADM decision differs from the recommendation',
  'ceased-while-placed': 'Ceased to be looked after while a placement continues',
  'placement-after-ceased': 'Placement follows ceasing to be looked after',
  'placement-split': 'One placement split in two',
  'event-duplicate': 'Event recorded twice',
  'home-review-without-home-placement': 'Home review without a placement at home',
  'child-without-placement': 'Child with no placement',
  'recording-late': 'Recorded late',
  'journey-without-events': 'No event for over a year',
};
