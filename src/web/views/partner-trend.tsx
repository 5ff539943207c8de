/**
 * A partner's month-by-month or quarter-by-quarter chart (app/partner-trends.ts) with what the
 * rules say and, as its text alternative, the table of every month: a hidden one reads `[c]`. No
 * count is a link: a partner opens no list of children. The overview and the partners' pack show it.
 */
import type { VNode } from 'preact';
import type { PartnerTrend } from '../../charts/partner-trend-chart.js';
import { labelledPictureOf } from '../improvement/picture.js';
import { TableScroll } from './components.js';
import { SvgForWidths } from './trusted-svg.js';

export function PartnerTrendPart({ trend, aimName, level = 3 }: { trend: PartnerTrend; aimName: string; level?: 3 | 4 }): VNode {
  const Heading = level === 3 ? 'h3' : 'h4';
  const period = trend.rows.length > 0 && trend.heading.startsWith('Quarter') ? 'Quarter' : 'Month';
  return (
    <div class="pace-partner-trend">
      <Heading>{trend.heading}</Heading>
      {trend.shown > 0 && (
        <TableScroll label={`${aimName}: ${trend.heading}`}>
          <SvgForWidths chart={{ wide: labelledPictureOf(trend, trend.svg, trend.alt), narrow: labelledPictureOf(trend, trend.smallSvg, trend.alt) }} />
        </TableScroll>
      )}
      <ul>
        {trend.verdicts.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
      <details class="ds_details">
        <summary class="ds_details__summary">The chart as a table</summary>
        <div class="ds_details__text">
          <TableScroll label={`${aimName}: ${trend.heading}, as a table`}>
            <table class="ds_table">
              <caption class="visually-hidden">
                {aimName}: {trend.heading}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{period}</th>
                  <th scope="col">% in time</th>
                  <th scope="col">In time</th>
                  <th scope="col">Of how many</th>
                </tr>
              </thead>
              <tbody>
                {trend.rows.map((r) => (
                  <tr key={r.period}>
                    <th scope="row">{r.period}</th>
                    <td>{r.percentage}</td>
                    <td>{r.inTime}</td>
                    <td>{r.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      </details>
    </div>
  );
}
