/**
 * Reads the conversation open on the page for the tone analysis, which runs in the service worker.
 * It reads when the page has been quiet for a moment, and sends only when something changed.
 */
import { LIMITS } from '../shared/limits';
import type { ThreadSnapshot } from '../shared/protocol';
import type { SiteAdapter } from './adapters/types';
import type { ContentContext } from './context';

/** The analysis looks at the latest messages; older ones say little about where a thread is now. */
const MAX_MESSAGES = 200;
/** Quiet time after the page settles before the thread is read again. */
const SETTLE_MS = 1500;

export function readSnapshot(site: SiteAdapter | null): ThreadSnapshot | null {
  const thread = site?.readThread(document, new URL(location.href));
  if (!thread) return null;
  if (thread.key.length > LIMITS.title) return null;
  return {
    key: thread.key,
    title: (thread.title ?? document.title).slice(0, LIMITS.title),
    url: location.href.slice(0, LIMITS.url),
    messages: thread.messages.slice(-MAX_MESSAGES).map((m) => ({
      id: m.id.slice(0, LIMITS.messageId),
      author: m.author,
      isOwn: m.isOwn ?? false,
      ...(m.at && m.at.length <= 40 ? { at: m.at } : {}),
      text: m.text.slice(0, LIMITS.text),
    })),
  };
}

/** A read slower than this makes the next one wait longer: adapters read every message in the DOM. */
const SLOW_READ_MS = 16;

export class ThreadWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSignature = '';
  private settleMs = SETTLE_MS;

  constructor(
    private readonly ctx: ContentContext,
    private readonly site: SiteAdapter | null,
    private readonly report: (snapshot: ThreadSnapshot) => void,
  ) {}

  /** The page changed; read the thread once it settles. */
  touch(): void {
    if (!this.site) return;
    this.ctx.clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => this.read(), this.settleMs);
  }

  private read(): void {
    const started = performance.now();
    const snapshot = readSnapshot(this.site);
    // On a page with thousands of messages in the DOM a read is a long task; read it less often.
    const took = performance.now() - started;
    this.settleMs = took > SLOW_READ_MS ? Math.min(this.settleMs * 2, 60_000) : SETTLE_MS;
    if (!snapshot) return;
    const last = snapshot.messages.at(-1);
    const signature = `${snapshot.key}|${snapshot.messages.length}|${last?.id ?? ''}|${last?.text.length ?? 0}`;
    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.report(snapshot);
  }
}
