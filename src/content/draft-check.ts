/**
 * Own draft check (DESIGN.md): while the user writes in a compose box, a small mark warns when the draft
 * reads hostile or passive-aggressive, before it is sent. The analysis runs in the service worker; here the
 * draft is only read, after typing pauses, and handed to `check`. Nothing is ever written to the box, and
 * the text goes nowhere else: not into the page's DOM, not into storage, not into a field of this class.
 */
import { MAX_DRAFT_CHARS } from '../shared/limits';
import type { DraftView } from '../shared/views';
import { ADAPTERS } from './adapters';
import { isElement } from './adapters/dom';
import type { SiteAdapter } from './adapters/types';
import type { ContentContext } from './context';
import { DraftIndicator } from './draft-indicator';

const DEBOUNCE_MS = 500;
/** While the mark shows: how often to see whether the box moved, emptied (a chat clears it on send
 * without any input event) or went away (a compose window closed). */
const WATCH_MS = 400;

/** Editors worth a look on focus; anything else (buttons, links, plain inputs) is passed over cheaply. */
const EDITOR_SELECTOR = '[contenteditable]:not([contenteditable="false" i]), textarea';

/**
 * Text in a compose box that is not the user's own words: a reply's quoted history (any `blockquote`,
 * and each site's own markup for it). Someone else's angry words quoted below a calm reply must not
 * flag the reply. Every site's markup is skipped on every site: a reply can quote mail sent from another.
 */
const QUOTED_SELECTOR = ['blockquote', 'script', 'style', 'template', ...ADAPTERS.flatMap((site) => site.quotedSelectors)].join(', ');
/** Where a site starts a reply's history inside the editor itself: reading stops there. */
const HISTORY_START_SELECTOR = ADAPTERS.flatMap((site) => site.historySelectors).join(', ');

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TABLE']);

export interface DraftCheckOptions {
  /** Events the page dispatches itself are not the user typing (`ctx.policy.isTrusted`). */
  ctx: ContentContext;
  /** null: no compose boxes known on this page, so nothing is done. */
  site: SiteAdapter | null;
  /** Asks the service worker for the draft's reading; null when it could not answer. */
  check(text: string): Promise<DraftView | null>;
  /** Whether checking starts on; it stays off until the settings say otherwise. */
  isEnabled?: boolean;
}

function isTextField(box: HTMLElement): box is HTMLTextAreaElement | HTMLInputElement {
  return box.tagName === 'TEXTAREA' || box.tagName === 'INPUT';
}

/**
 * The user's own words in a compose box, at most `max` characters. Walks the tree instead of reading
 * `innerText`, which lays out the whole editor (a long reply with its history) on every check; the walk
 * stops once it has enough and leaves quoted history out.
 */
export function readDraft(box: HTMLElement, max = MAX_DRAFT_CHARS): string {
  if (isTextField(box)) return box.value.slice(0, max);
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(QUOTED_SELECTOR)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let text = '';
  for (let node = walker.nextNode(); node && text.length < max; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.nodeValue ?? '';
      continue;
    }
    const element = node as Element;
    if (HISTORY_START_SELECTOR && element.matches(HISTORY_START_SELECTOR)) break;
    // Lines and paragraphs stay apart, so words across them do not run together into one phrase.
    if ((element.tagName === 'BR' || BLOCK_TAGS.has(element.tagName)) && text && !text.endsWith('\n')) text += '\n';
  }
  return text.slice(0, max);
}

/** Whether the box holds anything but whitespace; stops at the first text that does. */
function hasText(box: HTMLElement): boolean {
  if (isTextField(box)) return /\S/u.test(box.value);
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/\S/u.test(node.nodeValue ?? '')) return true;
  return false;
}

function isShownLevel(level: unknown): level is 'hostile' | 'passive-aggressive' {
  return level === 'hostile' || level === 'passive-aggressive';
}

export class DraftChecker {
  private isEnabled: boolean;
  private readonly indicator: DraftIndicator;
  /** Compose boxes as last found; found again only on focus, not on every keystroke. */
  private boxes: HTMLElement[] = [];
  /** Editors found not to be compose boxes (a search field), so typing there never searches the page. */
  private notBoxes = new WeakSet<Element>();
  private pendingBox: HTMLElement | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private watchTimer: ReturnType<typeof setInterval> | undefined;
  private followFrame: number | undefined;
  /** Bumped by every check and by switching off: an answer to an older one is stale. */
  private generation = 0;

  constructor(private readonly options: DraftCheckOptions) {
    this.isEnabled = options.isEnabled ?? false;
    const { ctx } = options;
    this.indicator = new DraftIndicator({ ctx });
    if (!options.site || ctx.signal.aborted) return;
    ctx.onInvalidated(() => this.stop());
    const listen = { capture: true, passive: true };
    ctx.listen(document, 'input', (event) => this.onInput(event), listen);
    ctx.listen(document, 'focusin', (event) => this.onFocusIn(event), listen);
    // Scroll does not bubble, but a capturing listener on window sees every scrolling container's.
    ctx.listen(window, 'scroll', () => this.followBox(), listen);
    ctx.listen(window, 'resize', () => this.followBox(), listen);
    if (this.isEnabled) this.checkFocusedBox();
  }

  setEnabled(isEnabled: boolean): void {
    if (isEnabled === this.isEnabled) return;
    this.isEnabled = isEnabled;
    if (!isEnabled) {
      this.stop();
      return;
    }
    this.checkFocusedBox();
  }

  /** The mark's host element, which the annotator's MutationObserver must ignore. */
  isOwn(node: Node): boolean {
    return this.indicator.isOwn(node);
  }

  private isActive(): boolean {
    return this.isEnabled && this.options.site !== null && !this.options.ctx.signal.aborted;
  }

  private onFocusIn(event: Event): void {
    if (!this.isActive() || !this.options.ctx.policy.isTrusted(event)) return;
    const target = event.target;
    if (!isElement(target) || !target.closest(EDITOR_SELECTOR)) return;
    this.findBoxes();
    const box = this.boxAt(target);
    // Another compose box (a second reply, a new chat) gets its own check; the mark follows the focus.
    if (box && box !== this.indicator.target && box !== this.pendingBox) {
      this.indicator.hide();
      this.stopWatch();
      this.schedule(box);
    }
  }

  private onInput(event: Event): void {
    if (!this.isActive() || !this.options.ctx.policy.isTrusted(event)) return;
    const target = event.target;
    if (!isElement(target)) return;
    let box = this.boxAt(target);
    // A box that appeared while focused (the script started late, a re-render) is found once here.
    if (!box && !this.notBoxes.has(target) && target.closest(EDITOR_SELECTOR)) {
      this.findBoxes();
      box = this.boxAt(target);
      if (!box) this.notBoxes.add(target);
    }
    if (!box) return;
    if (this.indicator.target === box) {
      // Emptied (select all, delete): the mark goes at once, not after the pause.
      if (!hasText(box)) this.clear();
      else this.followBox();
    }
    this.schedule(box);
  }

  private checkFocusedBox(): void {
    const focused = document.activeElement;
    if (!this.isActive() || !focused || !focused.closest(EDITOR_SELECTOR)) return;
    this.findBoxes();
    const box = this.boxAt(focused);
    if (box) this.schedule(box);
  }

  private findBoxes(): void {
    this.boxes = this.options.site?.findComposeBoxes(document) ?? [];
  }

  private boxAt(target: Element): HTMLElement | null {
    return this.boxes.find((box) => box === target || box.contains(target)) ?? null;
  }

  private schedule(box: HTMLElement): void {
    this.pendingBox = box;
    this.options.ctx.clearTimeout(this.debounceTimer);
    this.debounceTimer = this.options.ctx.setTimeout(() => {
      this.pendingBox = null;
      void this.run(box);
    }, DEBOUNCE_MS);
  }

  private async run(box: HTMLElement): Promise<void> {
    const generation = ++this.generation;
    if (!this.isActive() || !box.isConnected) {
      this.clear();
      return;
    }
    const text = readDraft(box);
    if (!/\S/u.test(text)) {
      this.clear();
      return;
    }
    let view: DraftView | null;
    try {
      view = await this.options.check(text);
    } catch {
      view = null;
    }
    if (generation !== this.generation || !this.isActive()) return;
    if (!view || !isShownLevel(view.level) || !box.isConnected) {
      this.clear();
      return;
    }
    this.indicator.show(box, view.level, view);
    this.startWatch();
  }

  /** Follows the box on the next frame, once however many scroll events arrive in it. */
  private followBox(): void {
    if (this.followFrame !== undefined || !this.indicator.isShown) return;
    this.followFrame = this.options.ctx.requestAnimationFrame(() => {
      this.followFrame = undefined;
      if (this.isActive()) this.watch();
    });
  }

  private startWatch(): void {
    this.watchTimer ??= this.options.ctx.setInterval(() => this.watch(), WATCH_MS);
  }

  private stopWatch(): void {
    this.options.ctx.clearInterval(this.watchTimer);
    this.watchTimer = undefined;
  }

  private watch(): void {
    const box = this.indicator.target;
    if (!box || !box.isConnected || !hasText(box)) {
      this.clear();
      return;
    }
    // False when the page removed or altered the mark: it is gone until the next check shows it again.
    if (!this.indicator.reposition()) this.stopWatch();
  }

  private clear(): void {
    this.stopWatch();
    this.indicator.hide();
  }

  private stop(): void {
    this.generation++;
    this.options.ctx.clearTimeout(this.debounceTimer);
    this.pendingBox = null;
    this.boxes = [];
    this.stopWatch();
    this.indicator.remove();
  }
}
