/** pace's own styles, on top of the design system's: charts that fit the page, figures that stand out. */
export const appCss = `
/* The design system's page grids size their one column to the widest thing in it, so one wide table made the whole page wider than a phone: hold the column to the window. */
.ds_page, .ds_page__middle { grid-template-columns: minmax(0, 1fr); }
.pace-main { display: block; padding-bottom: 2rem; }
/* A word longer than the line (a reference, an address) breaks rather than widening the page; in a table it widens the table, which scrolls in its box. */
body { overflow-wrap: break-word; }
.pace-authority-name { font-size: 1.125rem; margin-left: 1rem; padding-left: 1rem; border-left: 1px solid #b3b3b3; }
/* The navigation: the design system's own list from its medium breakpoint (48rem) up; below it, where the design system hides the list and needs its script for a menu button, a menu that opens without JavaScript. */
.pace-menu { display: none; }
@media (max-width: calc(48rem - 1px)) {
  .pace-menu { display: block; }
  .pace-menu .ds_details { margin: 0; }
  .pace-menu .ds_details__summary { margin: 0.5rem 0; padding-top: 0.5rem; padding-bottom: 0.5rem; }
  .pace-menu .ds_site-navigation { display: block; margin-bottom: 0; }
  .ds_site-header__navigation { border-top: 1px solid #ebebeb; }
}
.ds_site-header__content { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 1rem; }
.pace-account { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; }
.pace-inline-form { display: inline; margin: 0; }
.pace-inline-fields { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem; }
.pace-inline-fields .ds_input, .pace-inline-fields .ds_button { margin: 0; }
.pace-summary th[scope="row"] { font-weight: normal; }
.pace-aim { border-top: 4px solid #0065bd; margin-top: 2rem; padding-top: 1rem; }
.pace-sentence { font-size: 1.125rem; max-width: 48rem; }
.pace-headline { font-size: 2rem; font-weight: bold; margin-bottom: 0.5rem; }
.pace-no-headline { font-weight: bold; }
.pace-charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem 2rem; }
@media (min-width: 1200px) { .pace-charts { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.pace-figure { margin: 0; }
.pace-chart svg, svg.pace-chart, .pace-chart-picture { max-width: 100%; height: auto; background: #fff; }
.pace-chart a:focus path, .pace-chart a:focus rect { stroke: #000; stroke-width: 3px; }
.pace-downloads { font-size: 0.875rem; }
.pace-verdicts li { margin-bottom: 0.5rem; }
/* A chart drawn wide for a desk and narrow for a phone (a breakdown's dot chart, an aim's charts, a test of change's measures), each shown at its width (trusted-svg.tsx, SvgForWidths). */
.pace-chart--narrow { display: none; }
.pace-breakdown-answer { margin-bottom: 1.5rem; }
.pace-chart--wide, .pace-chart--narrow { margin-bottom: 0.75rem; }
@media (max-width: 640px) { .pace-chart--wide { display: none; } .pace-chart--narrow { display: block; } }
/* Two charts side by side (a test of change's measure, for everyone and for the few it runs with) take the narrow drawings, each half the width. */
@media (min-width: 1200px) { .pace-charts .pace-chart--wide { display: none; } .pace-charts .pace-chart--narrow { display: block; } }
/* A wide table scrolls inside its own box (components.tsx, TableScroll); the box is positioned so that it holds the visually hidden text in its cells too, which would otherwise widen the page. */
.pace-table-scroll { overflow-x: auto; max-width: 100%; position: relative; container-type: inline-size; }
/* A caption as wide as the box, not the table, and staying in view while the table scrolls under it. */
.pace-table-scroll caption { max-width: 100cqi; box-sizing: border-box; position: sticky; left: 0; }
.pace-table-scroll:focus { outline: 3px solid #fdd522; outline-offset: 0; box-shadow: inset 0 0 0 2px #333; }
@media print { .pace-table-scroll { overflow: visible; } }
.pace-count-links ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0 0 1.5rem 0; padding: 0; list-style: none; }
.pace-count-links li { margin: 0; }
.pace-counts { margin: 0 0 1rem 0; }
.pace-count { display: grid; grid-template-columns: minmax(0, 14rem) minmax(0, 1fr); gap: 0 1rem; margin-bottom: 0.25rem; }
.pace-count dt { font-weight: bold; margin: 0; }
.pace-count dd { margin: 0; }
@media (max-width: 640px) { .pace-count { grid-template-columns: minmax(0, 1fr); } }
.pace-counts-heading { margin-bottom: 0.25rem; font-weight: bold; }
.pace-row--overdue td { background: #fbe9e6; }
.pace-row--due-soon td { background: #fff6d6; }
.pace-filters { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-end; }
.pace-filters .ds_question { margin-bottom: 1rem; }
.pace-actions { display: flex; gap: 1rem; flex-wrap: wrap; }
.pace-history-change { margin: 0; }
.pace-radio-fields { margin: 0 0 1rem 0.75rem; padding: 0.5rem 0 0 1.25rem; border-left: 4px solid #b3b3b3; }
.pace-radio-fields .ds_question { margin-bottom: 1rem; }
/* An aim's group on its page (aim-page.tsx): a short list, kept to a reading width on a wide page. */
.pace-aim-group { max-width: 48rem; }
/* A meeting's actions (meeting.tsx): each its words, then its owner, dates and state on a line that wraps, then its buttons. */
.pace-meeting-actions { list-style: none; margin: 0 0 1.5rem 0; padding: 0; }
.pace-meeting-action { border-top: 1px solid #b3b3b3; padding: 1rem 0; margin: 0; }
.pace-meeting-action:last-child { border-bottom: 1px solid #b3b3b3; }
.pace-meeting-action__title { font-size: 1.125rem; margin: 0 0 0.5rem 0; }
.pace-meeting-action__facts { display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; margin: 0 0 0.5rem 0; }
.pace-meeting-action__facts div { display: flex; gap: 0.5rem; align-items: baseline; }
/* Its state (open, overdue, done on a day) on a line of its own, first: what a reader looks for. */
.pace-meeting-action__facts div:first-child { flex-basis: 100%; }
.pace-meeting-action__facts dt { font-weight: bold; margin: 0; }
.pace-meeting-action__facts dd { margin: 0; }
.pace-meeting-action__buttons { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
/* The API's reference (api-docs.tsx): a long address breaks anywhere rather than widening a phone's page. */
.pace-api-path { overflow-wrap: anywhere; }
.pace-api-operation { margin-bottom: 3rem; }
.pace-api-responses { margin: 0 0 1.5rem 0; }
.pace-api-responses > div { display: grid; grid-template-columns: 3.5rem minmax(0, 1fr); gap: 0 1rem; margin-bottom: 0.25rem; }
.pace-api-responses dt { font-weight: bold; margin: 0; }
.pace-api-responses dd { margin: 0; }
.pace-api-response-heading { margin-top: 1.5rem; }
`;
