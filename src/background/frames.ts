/**
 * Which frames of each tab run Hallway's content script, so the worker can ask each one directly
 * (`tabs.sendMessage` with a `frameId`): a message to a whole tab gets only one frame's answer. A
 * frame is known from its first message. The list is mirrored in session storage, which outlives a
 * stopped worker but not the browser, so the popup still reaches Chat inside Gmail after a restart.
 */
import browser from 'webextension-polyfill';

const STORAGE_KEY = 'hallway-frames';

export class FrameRegistry {
  private frames: Map<number, Set<number>> | null = null;
  private loading: Promise<Map<number, Set<number>>> | null = null;

  /** Notes that a frame of a tab runs the content script; cheap when it is already known. */
  async add(tabId: number, frameId: number): Promise<void> {
    const frames = await this.load();
    const known = frames.get(tabId) ?? new Set<number>();
    if (known.has(frameId)) return;
    known.add(frameId);
    frames.set(tabId, known);
    await this.save();
  }

  /** The tab's frames, the top frame first (it is always asked, even before it said anything). */
  async of(tabId: number): Promise<number[]> {
    const known = (await this.load()).get(tabId) ?? new Set<number>();
    return [0, ...[...known].filter((id) => id !== 0).sort((a, b) => a - b)];
  }

  /** A frame that did not answer has gone (navigated away, or the tab was closed). */
  async remove(tabId: number, frameId: number): Promise<void> {
    const frames = await this.load();
    if (!frames.get(tabId)?.delete(frameId)) return;
    if (!frames.get(tabId)?.size) frames.delete(tabId);
    await this.save();
  }

  async forgetTab(tabId: number): Promise<void> {
    if ((await this.load()).delete(tabId)) await this.save();
  }

  private load(): Promise<Map<number, Set<number>>> {
    if (this.frames) return Promise.resolve(this.frames);
    this.loading ??= browser.storage.session
      .get(STORAGE_KEY)
      .then((stored) => new Map((stored[STORAGE_KEY] as [number, number[]][] | undefined ?? []).map(([tab, ids]) => [tab, new Set(ids)])))
      .catch(() => new Map<number, Set<number>>())
      .then((frames) => (this.frames = frames));
    return this.loading;
  }

  private async save(): Promise<void> {
    const entries = [...(this.frames ?? [])].map(([tab, ids]) => [tab, [...ids]]);
    await browser.storage.session.set({ [STORAGE_KEY]: entries }).catch(() => undefined);
  }
}
