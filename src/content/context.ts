/**
 * The life of one content script, in the manner of WXT's `ContentScriptContext`: every listener,
 * timer and frame callback the script starts goes through here and ends with it. It ends when the
 * extension is reloaded or updated under the open page (the runtime then has no id, and every message
 * fails), so an orphaned script stops observing, marking and listening at once instead of at its
 * next failed message.
 */

/** How Hallway's code on the page treats the page. Tests, whose events are all synthetic, relax it. */
export interface ContentPolicy {
  /** Whether an event is the user's own: events a page script makes up never open or check anything. */
  isTrusted(event: Event): boolean;
  /** Shadow roots of Hallway's UI on the page are closed, so page scripts cannot reach into them. */
  shadowMode: ShadowRootMode;
}

export interface ContentContextOptions {
  /** The extension's id; undefined (or a throw) once the extension is reloaded or updated under the page. */
  runtimeId(): string | undefined;
  policy?: Partial<ContentPolicy>;
}

type TimerId = ReturnType<typeof setTimeout>;
type ListenOptions = Omit<AddEventListenerOptions, 'signal'>;

/** How often a quiet page checks that the extension is still there; any message or visibility change checks too. */
const CHECK_EVERY_MS = 5000;

export class ContentContext {
  readonly policy: ContentPolicy;
  private readonly controller = new AbortController();
  private readonly timeouts = new Set<TimerId>();
  private readonly intervals = new Set<TimerId>();
  private readonly frames = new Set<number>();

  constructor(private readonly options: ContentContextOptions) {
    this.policy = { isTrusted: (event) => event.isTrusted, shadowMode: 'closed', ...options.policy };
    // eslint-disable-next-line no-restricted-syntax -- this listens for the context's own end, so there is nothing left to tear it down for.
    this.signal.addEventListener('abort', () => this.cancelAll(), { once: true });
    this.setInterval(() => void this.isValid, CHECK_EVERY_MS);
    this.listen(document, 'visibilitychange', () => void this.isValid);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the context has ended; noticing that the extension went away ends it. */
  get isValid(): boolean {
    if (!this.signal.aborted && !this.hasRuntime()) this.abort();
    return !this.signal.aborted;
  }

  /** Ends the context: every timer, frame callback and listener started through it is cancelled. */
  abort(): void {
    this.controller.abort();
  }

  /** Runs once when the context ends, for what cannot take a signal (observers, highlights, the page's own UI). */
  onInvalidated(fn: () => void): void {
    if (this.signal.aborted) fn();
    // eslint-disable-next-line no-restricted-syntax -- this listens for the context's own end, so there is nothing left to tear it down for.
    else this.signal.addEventListener('abort', fn, { once: true });
  }

  listen<K extends keyof WindowEventMap>(target: Window, type: K, fn: (event: WindowEventMap[K]) => void, options?: ListenOptions): void;
  listen<K extends keyof DocumentEventMap>(target: Document, type: K, fn: (event: DocumentEventMap[K]) => void, options?: ListenOptions): void;
  listen<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, fn: (event: HTMLElementEventMap[K]) => void, options?: ListenOptions): void;
  listen(target: EventTarget, type: string, fn: (event: Event) => void, options?: ListenOptions): void;
  listen(target: EventTarget, type: string, fn: (event: Event) => void, options: ListenOptions = {}): void {
    if (this.signal.aborted) return;
    target.addEventListener(type, fn, { ...options, signal: this.signal });
  }

  setTimeout(fn: () => void, ms: number): TimerId | undefined {
    if (this.signal.aborted) return undefined;
    const id = setTimeout(() => {
      this.timeouts.delete(id);
      fn();
    }, ms);
    this.timeouts.add(id);
    return id;
  }

  clearTimeout(id: TimerId | undefined): void {
    if (id === undefined) return;
    clearTimeout(id);
    this.timeouts.delete(id);
  }

  setInterval(fn: () => void, ms: number): TimerId | undefined {
    if (this.signal.aborted) return undefined;
    const id = setInterval(fn, ms);
    this.intervals.add(id);
    return id;
  }

  clearInterval(id: TimerId | undefined): void {
    if (id === undefined) return;
    clearInterval(id);
    this.intervals.delete(id);
  }

  requestAnimationFrame(fn: (time: number) => void): number | undefined {
    if (this.signal.aborted) return undefined;
    const id = requestAnimationFrame((time) => {
      this.frames.delete(id);
      fn(time);
    });
    this.frames.add(id);
    return id;
  }

  cancelAnimationFrame(id: number | undefined): void {
    if (id === undefined) return;
    cancelAnimationFrame(id);
    this.frames.delete(id);
  }

  private hasRuntime(): boolean {
    try {
      return Boolean(this.options.runtimeId());
    } catch {
      return false;
    }
  }

  private cancelAll(): void {
    for (const id of this.timeouts) clearTimeout(id);
    for (const id of this.intervals) clearInterval(id);
    for (const id of this.frames) cancelAnimationFrame(id);
    this.timeouts.clear();
    this.intervals.clear();
    this.frames.clear();
  }
}
