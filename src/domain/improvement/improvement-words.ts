/** The lifecycle rules' refusals in plain words, naming the dates involved. */
import { longDate } from '../date.js';
import { testStatusLabels } from './codes.js';
import { maxStudyMeasurements, type CyclePart, type ImprovementError } from './test-of-change.js';

export const cyclePartLabels: Readonly<Record<CyclePart, string>> = { plan: 'Plan', do: 'Do', study: 'Study', act: 'Act' };

const partDate: Readonly<Record<CyclePart, string>> = { plan: 'the date it is planned for', do: 'the date it was done', study: 'the date it was studied', act: 'the date of the Act' };

export function describeImprovementError(error: ImprovementError): string {
  switch (error.code) {
    case 'test-closed':
      return `This test is ${testStatusLabels[error.status].toLowerCase()}: it takes no new cycles. Change its status first if it is being tested again.`;
    case 'previous-cycle-open':
      return `Cycle ${error.cycle} has not been acted on yet: record its Act before planning the next cycle.`;
    case 'before-previous-act':
      return `A new cycle cannot be planned for before cycle ${error.cycle}'s Act on ${longDate(error.act)}.`;
    case 'before-test-start':
      return `A cycle cannot be planned for before the test starts on ${longDate(error.start)}.`;
    case 'not-done':
      return `Cycle ${error.cycle} cannot be studied before it has been done: record the Do first.`;
    case 'not-studied':
      return `Cycle ${error.cycle} cannot be acted on before it has been studied: record the Study first.`;
    case 'dates-out-of-order':
      return `${cyclePartLabels[error.part]}: ${partDate[error.part]} (${longDate(error.date)}) cannot be before ${partDate[error.earlier]} (${longDate(error.earlierDate)}).`;
    case 'date-in-future':
      return `${cyclePartLabels[error.part]}: ${partDate[error.part]} (${longDate(error.date)}) cannot be after today, ${longDate(error.today)}.`;
    case 'no-such-cycle':
      return `There is no cycle ${error.cycle}.`;
    case 'status-not-allowed':
      return `The status cannot be ${testStatusLabels[error.status].toLowerCase()} now: it may be ${error.allowed.map((s) => testStatusLabels[s].toLowerCase()).join(' or ')}.`;
    case 'start-after-first-cycle':
      return `The start date (${longDate(error.start)}) cannot be after the first cycle's plan (${longDate(error.firstPlan)}).`;
    case 'count-above-denominator':
      return `Number ${error.measurement}: the count (${error.count}) cannot be more than what it is out of (${error.outOf}).`;
    case 'measurement-after-study':
      return `Number ${error.measurement}: its date (${longDate(error.date)}) cannot be after the date it was studied (${longDate(error.study)}).`;
    case 'too-many-measurements':
      return `A Study can record at most ${maxStudyMeasurements} numbers (this one has ${error.count}).`;
    default:
      return unreachable(error);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled improvement error: ${JSON.stringify(value)}`);
}
