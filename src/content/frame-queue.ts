/**
 * One MutationObserver for the document whose callback only queues roots; the work happens later,
 * once per animation frame, in slices that give the page its main thread back (STYLE.md habit 3).
 * Past a flood of mutations it stops tracking roots and rescans the document once.
 */
import type { ContentContext } from './context';

/** Work per slice before yielding, well under the 50 ms that counts as a long task. */
export const SLICE_MS = 12;
/** Past this many queued roots, one rescan of the document is cheaper than thousands of small ones. */
const FLOOD = 2000;
/** A root with more elements than this is split into its children, so one slice stays short. */
const SPLIT_ABOVE = 300;

export interface FrameQueueOptions {
  /** Processes one root and everything under it; called many times per slice. */
  process(root: Element): void;
  /** Processes a root that is being split into its children: only what is directly in it. */
  processShallow?(root: Element): void;
  /** Runs after each slice, with the roots processed (to look up marker states in one message). */
  afterSlice(): void;
  /** Nodes were removed somewhere: marks on them must be swept. */
  onRemovals(): void;
  /** The queue ran dry: everything queued so far is processed. */
  onIdle?(): void;
  /** Nodes that belong to Hallway itself and must never trigger work. */
  isOwn(node: Node): boolean;
  ctx: ContentContext;
}

type Scheduler = { yield?: () => Promise<void> };

/**
 * Gives the main thread back to the page. `scheduler.yield()` resumes right after the page's own
 * pending work; a message channel does the same where it is missing. Nested `setTimeout(0)` is
 * clamped to 4 ms per yield, which on a big page adds up to more than the work itself.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export class FrameQueue {
  private pending = new Set<Element>();
  private isFlooded = false;
  private isScheduled = false;
  private isRunning = false;
  private readonly observer: MutationObserver;

  constructor(private readonly options: FrameQueueOptions) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    options.ctx.onInvalidated(() => {
      this.observer.disconnect();
      this.pending.clear();
    });
  }

  observe(target: Node, attributeFilter: string[]): void {
    if (this.options.ctx.signal.aborted) return;
    this.observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter });
  }

  /** Queues a root for processing at the next frame. */
  add(root: Element): void {
    if (this.options.ctx.signal.aborted) return;
    if (!this.isFlooded) {
      this.pending.add(root);
      if (this.pending.size > FLOOD) {
        this.isFlooded = true;
        this.pending.clear();
      }
    }
    this.schedule();
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (this.options.isOwn(record.target)) continue;
      if (record.type === 'childList') {
        // Added subtrees are new content; the parent is queued for removals so its marks are swept.
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !this.options.isOwn(node)) this.add(node as Element);
          else if (node.nodeType === Node.TEXT_NODE && node.parentElement) this.add(node.parentElement);
        }
        if (record.removedNodes.length) this.options.onRemovals();
      } else {
        // A recycled row changes its text or its identity attributes: its parent is scanned again.
        const element = record.type === 'characterData' ? record.target.parentElement : (record.target as Element);
        const root = element?.parentElement ?? element;
        if (root) this.add(root);
      }
    }
  }

  private schedule(): void {
    if (this.isScheduled || this.isRunning) return;
    this.isScheduled = true;
    this.options.ctx.requestAnimationFrame(() => {
      this.isScheduled = false;
      void this.run();
    });
  }

  /** Roots that are inside another pending root add nothing: the outer scan covers them. */
  private takeRoots(): Element[] {
    if (this.isFlooded) {
      this.isFlooded = false;
      this.pending.clear();
      return document.body ? [document.body] : [];
    }
    const roots = [...this.pending].filter((root) => root.isConnected);
    this.pending.clear();
    const set = new Set(roots);
    return roots.filter((root) => {
      for (let up = root.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
      return true;
    });
  }

  private async run(): Promise<void> {
    this.isRunning = true;
    try {
      while (this.pending.size || this.isFlooded) {
        // A stack, so a big root is replaced by its children in document order.
        const work = this.takeRoots().reverse();
        let sliceStart = performance.now();
        for (let root = work.pop(); root; root = work.pop()) {
          if (this.options.ctx.signal.aborted) return;
          if (!root.isConnected) continue;
          if (root.childElementCount > 0 && root.getElementsByTagName('*').length > SPLIT_ABOVE) {
            this.options.processShallow?.(root);
            for (let child = root.lastElementChild; child; child = child.previousElementSibling) work.push(child);
            continue;
          }
          this.options.process(root);
          if (performance.now() - sliceStart > SLICE_MS) {
            this.options.afterSlice();
            await yieldToPage();
            sliceStart = performance.now();
          }
        }
        this.options.afterSlice();
      }
      this.options.onIdle?.();
    } finally {
      this.isRunning = false;
    }
  }
}
