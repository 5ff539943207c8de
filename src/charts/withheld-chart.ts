/**
 * A box where a chart would be, saying why it is not drawn: the poster's run charts for a partner
 * (docs/decisions/0027-partner-access.md), whose dots are children. The words are ours, never a
 * reader's, and are escaped all the same.
 */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function withheldChartSvg(lines: readonly string[], width = 760, height = 300): string {
  const top = height / 2 - ((lines.length - 1) * 24) / 2;
  const text = lines.map((line, i) => `<text x="${width / 2}" y="${top + i * 24}" text-anchor="middle" font-family="sans-serif" font-size="18" fill="#333333">${escapeText(line)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect x="1" y="1" width="${width - 2}" height="${height - 2}" fill="#f8f8f8" stroke="#b3b3b3" stroke-width="2"/>${text}</svg>`;
}
