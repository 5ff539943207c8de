/**
 * A national comparison as it is stored (national_results, migration 0020) and read back by any
 * process: every field of NationalComparison, faithfully — unrounded figures, `[c]` for a hidden
 * count, dates as ISO text (YYYY-MM-DD), each aim as its stored definition (store/aim-json.ts). Not
 * `pace national --json` (domain/national/national-json.ts), which rounds for showing. What is read
 * back is parsed with zod: a row written by another version of pace, or cut short, is refused, and
 * the figures are then worked out again rather than shown wrong.
 */
import { z } from 'zod';
import { parseDate, type PlainDate } from '../domain/date.js';
import type { NationalAimComparison, NationalComparison, NationalQuarterCell, NationalQuarterRow, NationalRow } from '../domain/national/national-comparison.js';
import { suppressedMark } from '../domain/national/suppression.js';
import { aimJsonSchema, aimToJson, parseAimJson } from '../store/index.js';

/** Says which shape of stored result this is: bumped when NationalComparison changes, so an old row is worked out again. */
export const nationalResultVersion = 1;

const isoDate = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text).ok, { message: 'not a date (YYYY-MM-DD)' });
const count = z.union([z.number(), z.literal(suppressedMark)]);
const positions = ['above-99.8', 'above-95', 'within', 'below-95', 'below-99.8'] as const;

const rowSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  counts: z.object({ in_time: count, late: count, overdue: count, n: count, waiting: count }),
  percentage: z.number().nullable(),
  interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
  median_weeks: z.number().nullable(),
  position: z.enum(positions).nullable(),
});

const quarterCellSchema = z.object({ in_time: count, n: count, percentage: z.number().nullable(), median_weeks: z.number().nullable() });
const quarterRowSchema = z.object({ code: z.string().nullable(), name: z.string(), cells: z.array(quarterCellSchema) });

const comparisonSchema = z.object({
  version: z.literal(nationalResultVersion),
  as_at: isoDate,
  from_date: isoDate.nullable(),
  threshold: z.number(),
  aims: z.array(
    z.object({
      aim: aimJsonSchema,
      by_quarter: z.object({ quarters: z.array(isoDate), authorities: z.array(quarterRowSchema), national: quarterRowSchema }),
      authorities: z.array(rowSchema),
      national: rowSchema,
      rate: z.number().nullable(),
    }),
  ),
});

export type NationalResultJson = z.infer<typeof comparisonSchema>;

export function nationalComparisonToJson(comparison: NationalComparison): NationalResultJson {
  const row = (r: NationalRow): NationalResultJson['aims'][number]['national'] => ({
    code: r.code,
    name: r.name,
    counts: { ...r.counts },
    percentage: r.percentage,
    interval: r.interval && { lower: r.interval.lower, upper: r.interval.upper },
    median_weeks: r.medianWeeks,
    position: r.position,
  });
  const quarterRow = (r: NationalQuarterRow) => ({ code: r.code, name: r.name, cells: r.cells.map((c) => ({ in_time: c.inTime, n: c.n, percentage: c.percentage, median_weeks: c.medianWeeks })) });
  return {
    version: nationalResultVersion,
    as_at: comparison.asAt.toString(),
    from_date: comparison.fromDate?.toString() ?? null,
    threshold: comparison.threshold,
    aims: comparison.aims.map((a) => ({
      aim: aimToJson(a.aim),
      by_quarter: { quarters: a.byQuarter.quarters.map((q) => q.toString()), authorities: a.byQuarter.authorities.map(quarterRow), national: quarterRow(a.byQuarter.national) },
      authorities: a.authorities.map(row),
      national: row(a.national),
      rate: a.rate,
    })),
  };
}

/** The comparison stored as `json`; null when it is not a whole comparison of this version (it is then worked out again). */
export function nationalComparisonFromJson(json: unknown): NationalComparison | null {
  const parsed = comparisonSchema.safeParse(json);
  if (!parsed.success) return null;
  const stored = parsed.data;
  const aims: NationalAimComparison[] = [];
  for (const a of stored.aims) {
    const aim = parseAimJson(a.aim);
    if (!aim.ok) return null;
    aims.push({
      aim: aim.value,
      byQuarter: { quarters: a.by_quarter.quarters.map(dateOf), authorities: a.by_quarter.authorities.map(quarterRowOf), national: quarterRowOf(a.by_quarter.national) },
      authorities: a.authorities.map(rowOf),
      national: rowOf(a.national),
      rate: a.rate,
    });
  }
  return { asAt: dateOf(stored.as_at), fromDate: stored.from_date === null ? null : dateOf(stored.from_date), threshold: stored.threshold, aims };
}

function rowOf(r: z.infer<typeof rowSchema>): NationalRow {
  return { code: r.code, name: r.name, counts: r.counts, percentage: r.percentage, interval: r.interval, medianWeeks: r.median_weeks, position: r.position };
}

function quarterRowOf(r: z.infer<typeof quarterRowSchema>): NationalQuarterRow {
  return { code: r.code, name: r.name, cells: r.cells.map((c): NationalQuarterCell => ({ inTime: c.in_time, n: c.n, percentage: c.percentage, medianWeeks: c.median_weeks })) };
}

/** A date the schema has checked already. */
function dateOf(text: string): PlainDate {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new Error(`not a date: ${text}`);
  return parsed.value;
}
