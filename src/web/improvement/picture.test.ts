import { describe, expect, it } from 'vitest';
import { labelledPicture, labelledPictureOf } from './picture.js';

// A chart as Plot writes it: a picture (role="img") whose groups carry labels of their own.
const chart = '<svg xmlns="http://www.w3.org/2000/svg" role="img" width="30" height="20" viewBox="0 0 30 20"><g aria-label="dot"><circle r="2" cx="5" cy="5"><title>23 weeks</title></circle></g></svg>';

describe('a labelled picture', () => {
  it('says what it shows once, on the picture, and nothing on its parts', () => {
    expect(labelledPicture(chart, 'Run chart of Aim 2 & its "children"').markup).toBe(
      '<svg aria-label="Run chart of Aim 2 &amp; its &quot;children&quot;" xmlns="http://www.w3.org/2000/svg" role="img" width="30" height="20" viewBox="0 0 30 20"><g><circle r="2" cx="5" cy="5"><title>23 weeks</title></circle></g></svg>',
    );
  });

  it('is made once for each drawing its owner holds, and again for another label or another owner', () => {
    const aim = { runSvg: chart };
    const first = labelledPictureOf(aim, aim.runSvg, 'Run chart of Aim 2');
    expect(first).toEqual(labelledPicture(chart, 'Run chart of Aim 2'));
    // The same picture, not drawn again: a page shown again reads no chart again.
    expect(labelledPictureOf(aim, aim.runSvg, 'Run chart of Aim 2')).toBe(first);
    const relabelled = labelledPictureOf(aim, aim.runSvg, 'Run chart of Aim 3');
    expect(relabelled.markup).toContain('aria-label="Run chart of Aim 3"');
    expect(labelledPictureOf({ runSvg: chart }, chart, 'Run chart of Aim 2')).not.toBe(first);
  });
});
