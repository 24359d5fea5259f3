/**
 * Finds the people a page shows and decides how each is marked. The page's own DOM is never changed
 * (DESIGN.md: wrapping matches in elements made re-layout the main cost of a standard highlighter):
 * the markers are drawn by a painter, in the product an overlay the page cannot read
 * (marker-overlay.ts). Which element is which person lives in WeakMaps in this isolated world.
 */
import { identityKey, type PageIdentity } from '../shared/identity';
import { MAX_LOOKUP, MAX_MARKS, MAX_MARKS_PER_TEXT } from '../shared/limits';
import type { MarkerState } from '../shared/views';
import { isInNoGoZone, NO_GO_SELECTOR } from './adapters/dom';
import { buildNameMatcher, findEmailsInText, findLinkedPeople, findNamesInText, type NameMatcher } from './adapters/generic';
import type { SiteAdapter } from './adapters/types';
import type { ContentContext } from './context';
import { SLICE_MS, yieldToPage } from './frame-queue';
import type { MarkerPainter } from './marker-overlay';
import type { ShownState } from './marker-styles';

export interface Mark {
  range: Range;
  identity: PageIdentity;
  key: string;
  /** The element that shows the person, or the text node a name or address was found in. */
  owner: Element | Text;
  /** Found in prose by name alone: shown only when the name belongs to someone known. */
  isFromText: boolean;
}

/** The look a state shows; the user's own name and list addresses are not marked. */
function shownState(state: MarkerState): ShownState | null {
  return state === 'self' || state === 'none' ? null : state;
}

/** How often marks on nodes that left the page are dropped. */
const SWEEP_EVERY_MS = 1000;

/** Text that is never prose (scripts, styles) is skipped before any matching. */
const NOT_PROSE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'TEXTAREA']);

export interface AnnotatorOptions {
  ctx: ContentContext;
  site: SiteAdapter | null;
  /** Draws the markers. */
  painter: MarkerPainter;
  /** Looks up marker states for identities (one message for a whole batch); null when it failed. */
  lookup(identities: PageIdentity[]): Promise<MarkerState[] | null>;
  /** Marks past which the page counts as a flood (MAX_MARKS, MAX_MARKS_PER_TEXT; tests use fewer). */
  caps?: { page: number; text: number };
}

export class Annotator {
  private readonly marks = new Set<Mark>();
  private readonly byElement = new WeakMap<Element, Mark>();
  private readonly byText = new WeakMap<Text, Mark[]>();
  private readonly states = new Map<string, MarkerState>();
  private readonly waiting = new Map<string, PageIdentity>();
  /** Keys of a lookup that is out now. */
  private readonly asked = new Set<string>();
  /** Every mark by identity, so an answer paints only the marks it is about. */
  private readonly byKey = new Map<string, Set<Mark>>();
  private running: Promise<void> | null = null;
  private matcher: NameMatcher | null = null;
  private sweepTimer: ReturnType<typeof setTimeout> | undefined;
  private isShown = true;
  private hasHitCap = false;
  private readonly caps: { page: number; text: number };

  constructor(private readonly options: AnnotatorOptions) {
    this.caps = options.caps ?? { page: MAX_MARKS, text: MAX_MARKS_PER_TEXT };
    options.ctx.onInvalidated(() => this.marks.clear());
  }

  setNames(names: { key: string; name: string }[]): void {
    this.matcher = names.length ? buildNameMatcher(names) : null;
  }

  /** The mark an element shows, looking up a few ancestors (the pointer may be on an inner span). */
  markForElement(element: Element | null): Mark | null {
    for (let node = element, depth = 0; node && depth < 6; node = node.parentElement, depth += 1) {
      const mark = this.byElement.get(node);
      if (mark && this.isPainted(mark)) return mark;
    }
    return null;
  }

  /** The mark on a text node covering an offset. */
  markForText(node: Node, offset: number): Mark | null {
    if (node.nodeType !== Node.TEXT_NODE) return null;
    for (const mark of this.byText.get(node as Text) ?? []) {
      if (mark.range.startOffset <= offset && offset < mark.range.endOffset && this.isPainted(mark)) return mark;
    }
    return null;
  }

  /**
   * The page showed more names and addresses than Hallway marks (MAX_MARKS, MAX_MARKS_PER_TEXT): it
   * stopped there to keep the page fast, and the popup says so.
   */
  get isCapped(): boolean {
    return this.hasHitCap;
  }

  stateOf(mark: Mark): MarkerState | null {
    return this.states.get(mark.key) ?? null;
  }

  isPainted(mark: Mark): boolean {
    const state = this.states.get(mark.key);
    if (!state || !this.isShown || !shownState(state)) return false;
    return !(mark.isFromText && state === 'unknown');
  }

  /**
   * Everyone the page shows now, once each, carrying the most any of their marks said: what the popup
   * lists. A name found in prose is only a guess at someone known, so it is left out; an address in
   * text counts.
   */
  people(): PageIdentity[] {
    const people: PageIdentity[] = [];
    for (const marks of this.byKey.values()) {
      const shown = [...marks].filter((mark) => !mark.isFromText && mark.owner.isConnected).map((mark) => mark.identity);
      const [first] = shown;
      if (!first) continue;
      // A name or a "me" from any of the marks (an address in a header, the same one in a chip).
      const name = first.name || shown.find((identity) => identity.name)?.name;
      const isSelf = shown.some((identity) => identity.isSelf);
      people.push({ ...first, ...(name ? { name } : {}), ...(isSelf ? { isSelf } : {}) });
    }
    return people;
  }

  /** Room for more marks; false (and remembered) once the page has shown too many. */
  private hasRoom(): boolean {
    if (this.marks.size < this.caps.page) return true;
    this.hasHitCap = true;
    return false;
  }

  /** Scans a root and everything under it. */
  process(root: Element): void {
    if (!this.hasRoom()) return;
    const { site } = this.options;
    const found = new Map<Element, PageIdentity>();
    for (const person of site?.findPeople(root) ?? []) if (!found.has(person.element)) found.set(person.element, person.identity);
    for (const person of findLinkedPeople(root)) if (!found.has(person.element)) found.set(person.element, person.identity);

    // Marks on elements that no longer show a person (a recycled row) go; the rest are refreshed.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node: Node | null = root; node; node = walker.nextNode()) {
      const mark = this.byElement.get(node as Element);
      if (mark && !found.has(node as Element)) this.unmark(mark);
    }
    for (const [element, identity] of found) {
      if (!this.byElement.has(element) && !this.hasRoom()) return;
      this.markElement(element, identity);
    }

    const textRoots = site ? site.textRoots(root) : [root];
    for (const textRoot of textRoots) this.scanText(textRoot, false);
  }

  /**
   * Only the text directly inside a root too big to scan at once: the rest of it is processed child
   * by child. On a known site such a root is a container (a message list), never a message body, so
   * only pages without a site adapter look at it.
   */
  processShallow(root: Element): void {
    if (!this.options.site && this.hasRoom()) this.scanText(root, true);
  }

  /**
   * Looks up states for new identities, then paints them. One request is out at a time: identities
   * found meanwhile wait for the next one, so a big page makes a few large lookups instead of
   * hundreds of small ones queueing in the service worker.
   */
  flush(): Promise<void> {
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves once every identity found so far has been looked up and painted. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting.size) {
      // The service worker takes at most MAX_LOOKUP identities a message; the rest wait their turn.
      const batch = [...this.waiting].slice(0, MAX_LOOKUP);
      for (const [key] of batch) this.waiting.delete(key);
      for (const [key] of batch) this.asked.add(key);
      let states: MarkerState[] | null;
      try {
        states = await this.options.lookup(batch.map(([, identity]) => identity));
      } catch {
        states = null;
      } finally {
        for (const [key] of batch) this.asked.delete(key);
      }
      // A failed lookup (the extension was reloaded) caches nothing: "unknown" would stick until the
      // directory changed. Those marks stay unpainted and are asked about again on the next refresh.
      if (!states || states.length !== batch.length) continue;
      // Thousands of answers are painted in slices, so the page keeps its main thread.
      let sliceStart = performance.now();
      for (const [i, [key]] of batch.entries()) {
        this.states.set(key, states[i] ?? 'unknown');
        for (const mark of this.byKey.get(key) ?? []) this.paint(mark);
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          if (this.options.ctx.signal.aborted) return;
          sliceStart = performance.now();
        }
      }
    }
  }

  /** The directory changed: look every shown identity up again. */
  async refresh(): Promise<void> {
    await this.settled();
    this.states.clear();
    for (const [key, marks] of this.byKey) {
      for (const mark of marks) {
        this.unpaint(mark);
        this.queue(key, mark.identity);
      }
    }
    await this.flush();
  }

  setShown(isShown: boolean): void {
    this.isShown = isShown;
    this.options.painter.setShown(isShown);
  }

  private markElement(element: Element, identity: PageIdentity): void {
    const key = identityKey(identity);
    const existing = this.byElement.get(element);
    if (existing) {
      if (existing.key === key) {
        existing.range.selectNodeContents(element);
        return;
      }
      this.unmark(existing);
    }
    const range = document.createRange();
    range.selectNodeContents(element);
    const mark: Mark = { range, identity, key, owner: element, isFromText: false };
    this.byElement.set(element, mark);
    this.add(mark);
  }

  private scanText(root: Element, isShallow: boolean): void {
    if (isInNoGoZone(root) || NOT_PROSE.has(root.nodeName) || this.isInsideMarkedElement(root.parentElement, null)) return;
    const visit = (text: Text) => {
      const previous = this.byText.get(text);
      if (previous) for (const mark of previous) this.unmark(mark);
      const value = text.data;
      if (value.length < 3 || !this.hasRoom()) return;
      const marks: Mark[] = [];
      const isFull = () => {
        if (marks.length < this.caps.text && this.hasRoom()) return false;
        this.hasHitCap = true;
        return true;
      };
      if (value.includes('@')) {
        for (const found of findEmailsInText(value)) {
          if (isFull()) break;
          marks.push(this.textMark(text, found.index, found.length, { email: found.email }, false));
        }
      }
      if (this.matcher) {
        for (const found of findNamesInText(value, this.matcher)) {
          if (isFull()) break;
          const name = value.slice(found.index, found.index + found.length);
          marks.push(this.textMark(text, found.index, found.length, { name }, true));
        }
      }
      if (marks.length) this.byText.set(text, marks);
      else this.byText.delete(text);
    };
    if (isShallow) {
      for (const child of root.childNodes) if (child.nodeType === Node.TEXT_NODE) visit(child as Text);
      return;
    }
    // One walk that skips whole subtrees (editors, code, scripts, elements already marked as a
    // person) instead of asking every text node about its ancestors.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const element = node as Element;
        if (NOT_PROSE.has(element.nodeName) || this.byElement.has(element) || element.matches(NO_GO_SELECTOR)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Text);
  }

  private textMark(text: Text, start: number, length: number, identity: PageIdentity, isName: boolean): Mark {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + length);
    const mark: Mark = { range, identity, key: identityKey(identity), owner: text, isFromText: isName };
    this.add(mark);
    return mark;
  }

  private isInsideMarkedElement(element: Element | null, stop: Element | null): boolean {
    for (let node = element; node; node = node.parentElement) {
      if (this.byElement.has(node)) return true;
      if (node === stop) return false;
    }
    return false;
  }

  private add(mark: Mark): void {
    this.marks.add(mark);
    let same = this.byKey.get(mark.key);
    if (!same) {
      same = new Set();
      this.byKey.set(mark.key, same);
    }
    same.add(mark);
    // The page may say only in one place that an address is the user's ("me" in a recipients line):
    // that identity is asked about again even when the address already has an answer.
    const isNewlySelf = mark.identity.isSelf === true && this.states.get(mark.key) !== 'self';
    if (this.states.has(mark.key)) this.paint(mark);
    const isUnasked = isNewlySelf || (!this.states.has(mark.key) && !this.asked.has(mark.key));
    if (isUnasked) this.queue(mark.key, mark.identity);
  }

  /** One identity per key waits for the lookup, carrying the most any of its marks said. */
  private queue(key: string, identity: PageIdentity): void {
    const queued = this.waiting.get(key);
    if (!queued) {
      this.waiting.set(key, identity);
      return;
    }
    this.waiting.set(key, { ...queued, ...identity, ...(queued.isSelf ? { isSelf: true } : {}) });
  }

  private unmark(mark: Mark): void {
    this.unpaint(mark);
    this.marks.delete(mark);
    const same = this.byKey.get(mark.key);
    same?.delete(mark);
    if (same && !same.size) {
      // A page left open for days sees many people come and go: forget those no longer shown.
      this.byKey.delete(mark.key);
      this.states.delete(mark.key);
    }
    if (mark.owner.nodeType === Node.ELEMENT_NODE) {
      if (this.byElement.get(mark.owner as Element) === mark) this.byElement.delete(mark.owner as Element);
    } else {
      const list = this.byText.get(mark.owner as Text)?.filter((m) => m !== mark);
      if (list?.length) this.byText.set(mark.owner as Text, list);
      else this.byText.delete(mark.owner as Text);
    }
  }

  private paint(mark: Mark): void {
    const state = this.states.get(mark.key);
    const shown = state ? shownState(state) : null;
    const owner = mark.owner.nodeType === Node.ELEMENT_NODE ? (mark.owner as Element) : mark.owner.parentElement;
    if (!shown || !owner || (mark.isFromText && shown === 'unknown')) {
      this.unpaint(mark);
      return;
    }
    this.options.painter.paint(mark.range, owner, shown);
  }

  private unpaint(mark: Mark): void {
    this.options.painter.unpaint(mark.range);
  }

  /** Drops marks whose nodes left the page, so nothing stale stays painted or held in memory. */
  private sweep(): void {
    this.sweepTimer = undefined;
    for (const mark of this.marks) if (!mark.owner.isConnected) this.unmark(mark);
  }

  /** Called when nodes were removed somewhere. */
  noteRemovals(): void {
    // Pages remove nodes all the time (hover toolbars, typing indicators): one sweep a second covers
    // them all. Marks on removed nodes paint nothing meanwhile (their ranges collapse).
    this.sweepTimer ??= this.options.ctx.setTimeout(() => this.sweep(), SWEEP_EVERY_MS);
  }
}
