/**
 * Workplace threads for the evaluation: the hand-labelled dev threads (email and chat) and the
 * GitHub heated-issue threads, with one fold assignment shared with the message model's data, so no
 * thread is ever scored by a model that saw any of its messages.
 */
import type { ToneMessageInput } from '../../src/shared/tone/thread';
import { folds, loadJsonl } from './tone-learn';
import { sourItems, type SourItem } from './tone-sour';

export interface WorkplaceThread {
  id: string;
  /** Fold group: shared with every message of the thread found in the message model's data. */
  group: string;
  label: 'sour' | 'tense_ok' | 'fine';
  sourFrom: number | null;
  channel: string;
  messages: ToneMessageInput[];
}

export interface HeatedThread {
  id: string;
  group: string;
  hasIncivility: boolean;
  firstUncivil: number | null;
  messages: ToneMessageInput[];
}

/** Union-find over group keys: a comment found in two threads ties them. */
class Groups {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

interface Data {
  items: SourItem[];
  dev: WorkplaceThread[];
  heated: HeatedThread[];
  /** Fold of a group key. */
  foldOf(group: string): number;
}

let cache: Data | null = null;

export function workplaceData(k: number): Data {
  if (cache) return cache;
  const items = sourItems();
  const groups = new Groups();
  const threadOfText = new Map<string, string>();
  for (const it of items) {
    if (it.task !== 'heated') continue;
    const known = threadOfText.get(it.text);
    if (known) groups.union(known, it.group);
    else threadOfText.set(it.text, it.group);
  }
  const author = (a: string | null): string => a ?? '(unknown)';

  const dev = loadJsonl<{ id: string; label: WorkplaceThread['label']; sour_from: number | null; channel: string; messages: Array<{ author: string | null; at?: string; text: string }> }>(
    'workplace_threads_dev.jsonl',
  ).map((r) => {
    for (const m of r.messages) {
      const thread = threadOfText.get(m.text);
      if (thread) groups.union(`dev:${r.id}`, thread);
    }
    return {
      id: r.id,
      group: `dev:${r.id}`,
      label: r.label,
      sourFrom: r.sour_from,
      channel: r.channel,
      messages: r.messages.map((m) => ({ author: author(m.author), text: m.text, ...(m.at ? { at: m.at } : {}) })),
    };
  });

  const heated = loadJsonl<{ id: string; label: boolean; first_uncivil_index: number | null; messages: Array<{ author: string | null; text: string }> }>(
    'github_heated_threads.jsonl',
  ).map((r) => ({
    id: r.id,
    group: r.id,
    hasIncivility: r.label,
    firstUncivil: r.first_uncivil_index,
    messages: r.messages.map((m) => ({ author: author(m.author), text: m.text })),
  }));

  const keys = [...items.map((it) => it.group), ...dev.map((t) => t.group), ...heated.map((t) => t.group)].map((g) => groups.find(g));
  const assigned = folds(keys, k);
  const foldByRoot = new Map(keys.map((g, i) => [g, assigned[i]!]));
  cache = { items, dev, heated, foldOf: (group) => foldByRoot.get(groups.find(group))! };
  return cache;
}
