// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { KeyGuard } from '../../../src/content/key-guard';

/** A page input with the page's own listeners, set up after the guard as a page script would be. */
function pageInput() {
  const input = document.createElement('input');
  document.body.append(input);
  const heard: string[] = [];
  window.addEventListener('keydown', (event) => heard.push(`window:${event.key}`), true);
  input.addEventListener('keydown', (event) => heard.push(`input:${event.key}`));
  return { input, heard };
}

const key = (type: string, init: KeyboardEventInit = {}) => new KeyboardEvent(type, { bubbles: true, cancelable: true, ...init });

describe('KeyGuard', () => {
  it('lets every key through until it is asked to hold', () => {
    new KeyGuard(window, () => true);
    const { input, heard } = pageInput();
    input.dispatchEvent(key('keydown', { key: 'a' }));
    expect(heard).toEqual(['window:a', 'input:a']);
    input.remove();
  });

  it('while holding, the page hears no key and nothing is typed, until the user clicks', () => {
    const guard = new KeyGuard(window, () => true);
    const { input, heard } = pageInput();
    guard.hold();
    for (const letter of 'she is interviewing') {
      const down = key('keydown', { key: letter });
      input.dispatchEvent(down);
      expect(down.defaultPrevented).toBe(true);
      input.dispatchEvent(key('keyup', { key: letter }));
    }
    input.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, cancelable: true, data: 'x' }));
    expect(heard).toEqual([]);
    expect(guard.heldCount).toBe(2 * 'she is interviewing'.length + 1);

    input.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(guard.isHolding).toBe(false);
    input.dispatchEvent(key('keydown', { key: 'b' }));
    expect(heard).toEqual(['window:b', 'input:b']);
    input.remove();
  });

  it('lets Escape through, and lets go with it, so Escape still closes the card', () => {
    const guard = new KeyGuard(window, () => true);
    const { input, heard } = pageInput();
    guard.hold();
    input.dispatchEvent(key('keydown', { key: 'Escape' }));
    expect(guard.isHolding).toBe(false);
    expect(heard).toEqual(['window:Escape', 'input:Escape']);
    input.remove();
  });

  it('leaves keys a page script makes up alone: they are not the user typing', () => {
    const guard = new KeyGuard(window, (event) => event.isTrusted);
    const { input, heard } = pageInput();
    guard.hold();
    input.dispatchEvent(key('keydown', { key: 'z' }));
    expect(heard).toEqual(['window:z', 'input:z']);
    input.remove();
  });
});
