/**
 * Checks on free text as it was written: text is data, stored verbatim and never calculated or
 * rendered as markup, but text that looks like a formula or HTML is named so that someone looks.
 */
import { makeProblem, type Problem, type ProblemParts } from './problem.js';

// A spreadsheet reads a cell starting with = + @ (or - followed by something that is not a
// number), or a tab or carriage return before them, as a formula (OWASP "CSV injection").
const formulaStart = /^[\t\r]*(?:[=+@]|-(?![\d.\s]|$))/;
const markup = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+);/i;
// 1001.0, 1.001E+3: what a spreadsheet makes of a numeric id.
const numberLike = /^\d+\.0+$|^\d(?:\.\d+)?E\+\d+$/i;

/** The longest free text a name, reference or note column is expected to hold. */
export const textLengthLimit = 500;

/** Problems with one text value: a formula, markup, or an unlikely length. */
export function textProblems(text: string, parts: ProblemParts): Problem[] {
  const problems: Problem[] = [];
  if (formulaStart.test(text)) problems.push(makeProblem('text-formula', { ...parts, value: text }));
  if (markup.test(text)) problems.push(makeProblem('text-markup', { ...parts, value: text }));
  if (text.length > textLengthLimit) problems.push(makeProblem('text-too-long', { ...parts, value: text.slice(0, 40), detail: String(text.length) }));
  return problems;
}

const noProblems: readonly Problem[] = [];

/** Problems with an id: one that a spreadsheet has turned into a number. */
export function idProblems(id: string, parts: ProblemParts): readonly Problem[] {
  return numberLike.test(id) ? [makeProblem('id-looks-like-number', { ...parts, value: id })] : noProblems;
}

/** A quick test for the common case: plain text needs none of the checks above. */
export function isPlainText(text: string): boolean {
  return text.length <= textLengthLimit && !/[<&=+@\-\t\r]/.test(text);
}
