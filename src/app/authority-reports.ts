/**
 * The reports of one authority as at a date that are not aims: every journey of every kind against
 * the national timescales, and the data-quality report. The web and the CLI both ask here, through
 * the figures cache, so the records are read once per data version.
 */
import { nextTurn } from './turns.js';
import type { PlainDate } from '../domain/date.js';
import { measureJourneys, type MeasuredJourney } from '../domain/measure.js';
import { nationalTimescales } from '../domain/national-aims.js';
import { qualityReportInParts, type QualityReport } from '../domain/quality/quality-report.js';
import { listAims, listTests, type Connection, type StoredAuthority } from '../store/index.js';
import { computeAuthorityFigures, type AuthorityFigures } from './authority-figures.js';
import type { FiguresCache } from './figures-cache.js';

/** Every journey of every child, those the child left included, against the national timescales. */
export async function authorityJourneys(cache: FiguresCache, stored: StoredAuthority, asAt: PlainDate): Promise<MeasuredJourney[]> {
  return measureJourneys(await cache.currentRecords(stored), asAt, (kind) => nationalTimescales[kind]);
}

/**
 * The data-quality report as at `asAt`, from the records of the current data version, worked out a
 * part at a time (the web server answers other requests between the parts).
 */
export async function authorityQuality(cache: FiguresCache, stored: StoredAuthority, asAt: PlainDate): Promise<QualityReport> {
  return qualityReportInParts(await cache.currentRecords(stored), asAt, () => nextTurn());
}

/**
 * Every aim's figures as at `asAt`, as `pace aims` reports them: from the cache, or — with `fromDate`
 * — with every aim's from-date replaced for this report only (nothing is stored or cached).
 */
export async function aimsReport(connection: Connection, cache: FiguresCache, stored: StoredAuthority, asAt: PlainDate, fromDate: PlainDate | null = null): Promise<AuthorityFigures> {
  if (fromDate === null) return cache.figures(stored, asAt);
  const [aims, tests, records] = await Promise.all([listAims(connection, stored.scope), listTests(connection, stored.scope), cache.currentRecords(stored)]);
  return computeAuthorityFigures(stored.authority, aims.map((aim) => ({ ...aim, fromDate })), records, tests, asAt, 'report');
}
