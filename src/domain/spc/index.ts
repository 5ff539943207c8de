/**
 * Run-chart statistics: Anhøj and IHI rules side by side, rephasing, and their verdicts in words
 * (docs/run-charts.md). Pure functions of a series of values in chart order, `null` for missing.
 */
export { analyseSeries, checkSpcOptions, DEFAULT_REPHASE_BASELINE } from './analyse.js';
export type { ClBasis, SpcAnalysis, SpcOptions, SpcOptionsError } from './analyse.js';
export { anhoejRules, crossingsMin, longestRunMax } from './anhoej.js';
export type { AnhoejResult } from './anhoej.js';
export { astronomicalCandidates } from './astronomical.js';
export { ihiRules, runsVerdict } from './ihi.js';
export type { IhiResult, RunsVerdict } from './ihi.js';
export { median } from './median.js';
export { rephase, REPHASE_RUN_LENGTH } from './rephase.js';
export type { BaselinePhase, Phase, RephaseOptions, RephaseSide, SustainedPhase } from './rephase.js';
export { runsOf, summariseRuns, usefulPoints } from './runs.js';
export type { Run, RunSummary, Side, UsefulPoint } from './runs.js';
export { findShifts, SHIFT_MIN_POINTS } from './shift.js';
export type { Shift } from './shift.js';
export { runsDistribution, runsLimits } from './swed-eisenhart.js';
export type { RunsDistribution, RunsLimits } from './swed-eisenhart.js';
export { hasTooFewPoints, MIN_USEFUL_POINTS, tooFewPointsMessage } from './too-few-points.js';
export { findTrends, TREND_MIN_POINTS } from './trend.js';
export type { Trend, TrendDirection } from './trend.js';
export { describeVerdict, describeVerdicts, verdictsOf } from './verdict.js';
export type { PointLabel, Verdict } from './verdict.js';
