/**
 * linkedom, the document every chart is drawn into, is patched (patches/linkedom+0.18.12.patch,
 * applied by `npm ci`'s postinstall; decision 0037) so that a node gets its map of event listeners
 * only when one is added. These tests fail if the patch is not applied, and if a listener no longer
 * works as the DOM says it does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('linkedom as patched', () => {
  it('makes no listeners’ map for a node in its constructor, in both its module builds', () => {
    const esm = require.resolve('linkedom').replace(/cjs\/index\.js$/, 'esm/interface/event-target.js');
    for (const file of [esm, esm.replace('/esm/', '/cjs/')]) {
      const source = readFileSync(file, 'utf8');
      expect(source).not.toContain('wm.set(this, new Map);');
      expect(source).toContain('wm.set(this, map = new Map);');
    }
  });

  it('still calls a listener added to a node, once for each event, and not after it is removed', () => {
    const { document } = parseHTML('<!doctype html><html><body><svg><g><circle></circle></g></svg></body></html>');
    const { Event } = document.defaultView as unknown as { Event: typeof globalThis.Event };
    const group = document.querySelector('g') as unknown as EventTarget;
    const circle = document.querySelector('circle') as unknown as EventTarget;
    const heard: string[] = [];
    const listener = (event: Event) => heard.push(`${event.type} at the group`);
    group.addEventListener('click', listener);
    circle.addEventListener('click', () => heard.push('click at the circle'), { once: true });
    circle.dispatchEvent(new Event('click', { bubbles: true }));
    circle.dispatchEvent(new Event('click', { bubbles: true }));
    group.removeEventListener('click', listener);
    circle.dispatchEvent(new Event('click', { bubbles: true }));
    // A node that never had a listener can have one removed, and an event sent to it, without error.
    const bare = document.createElement('rect') as unknown as EventTarget;
    bare.removeEventListener('click', listener);
    expect(bare.dispatchEvent(new Event('click'))).toBe(true);
    expect(heard).toEqual(['click at the circle', 'click at the group', 'click at the group']);
  });
});
