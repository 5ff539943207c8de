/** Styles of the figures' pages: each aim at a glance on the dashboard, the answer, the figure boxes. */
export const figuresCss = `
.pace-glances { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5rem 2rem; margin-bottom: 2rem; }
@media (min-width: 1024px) { .pace-glances { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.pace-glance { border-top: 4px solid #0065bd; padding-top: 0.75rem; }
.pace-glance__title { font-size: 1.375rem; margin-bottom: 0.5rem; }
.pace-glance__subtitle { font-size: 1.125rem; margin: 1rem 0 0.5rem; }
.pace-glance__chart { display: block; margin-bottom: 0.5rem; }
.pace-glance__chart img { width: 100%; height: auto; display: block; }
.pace-answer { font-size: 1.125rem; max-width: 48rem; padding: 0.5rem 0.75rem; border-left: 6px solid #b3b3b3; background: #f8f8f8; }
.pace-answer--improving { border-left-color: #428542; }
.pace-answer--worse { border-left-color: #d32205; }
.pace-answer--no-change { border-left-color: #5e5e5e; }
.pace-answer--too-few-points { border-left-color: #b3b3b3; }
.pace-figure-boxes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.75rem; margin-bottom: 1rem; }
@media (max-width: 480px) { .pace-figure-boxes { grid-template-columns: minmax(0, 1fr); } }
.pace-figure-box { border: 1px solid #b3b3b3; padding: 0.5rem 0.75rem; }
.pace-figure-box p { margin-bottom: 0.25rem; }
.pace-figure-box__label { font-weight: bold; }
.pace-figure-box__value { font-size: 1.75rem; font-weight: bold; line-height: 1.2; }
.pace-figure-box .ds_hint-text { font-size: 0.875rem; margin-bottom: 0; }
.pace-target { font-weight: bold; }
.pace-scope-details { margin-bottom: 1.5rem; }
.pace-findings h3 { font-size: 1.125rem; margin-top: 1rem; }
`;
