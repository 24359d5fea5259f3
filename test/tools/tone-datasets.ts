/**
 * The labelled data sets behind the tone models, shared by train-tone (fits on everything) and eval-tone
 * (fits on training folds only and scores the held-out fold), so both use identical recipes.
 */
import { extractFeatures, type MessageFeatures } from '../../src/shared/tone/features';
import { attackLogit, isHandWeighted } from '../../src/shared/tone/message';
import type { LinearModel } from '../../src/shared/tone/model';
import { forecastFeatures } from '../../src/shared/tone/thread';
import { fitLogistic, loadJsonl, unspace, type Sample } from './tone-learn';

export const FOLDS = 10;

/** Hyper-parameters, fixed up front (not searched against the reported folds). */
const ATTACK_FIT = { l2: 0.003, epochs: 300, minDf: 3, maxWords: 1000, exclude: isHandWeighted };
const POLITENESS_FIT = { l2: 0.003, epochs: 300, minDf: 3, maxWords: 1000, exclude: isHandWeighted };
const FORECAST_FIT = { l2: 0.3, epochs: 300, minDf: 5 };

export interface AttackItem {
  conversation: string;
  features: MessageFeatures;
  isAttack: boolean;
}

export function attackItems(): AttackItem[] {
  return loadJsonl<{ id: string; text: string; is_attack: boolean }>('cga_wiki_val_next_comment.jsonl').map((r) => ({
    conversation: r.id.replace(/-next$/, ''),
    features: extractFeatures(unspace(r.text)),
    isAttack: r.is_attack,
  }));
}

export function fitAttack(items: readonly AttackItem[]): LinearModel {
  return fitLogistic(
    items.map((it) => ({ x: it.features.values, y: it.isAttack ? 1 : 0 })),
    ATTACK_FIT,
  );
}

export interface ThreadItem {
  conversation: string;
  messages: MessageFeatures[];
  willDerail: boolean;
}

export function threadItems(): ThreadItem[] {
  return loadJsonl<{ id: string; label: boolean; messages: Array<{ text: string }> }>('cga_wiki_val_full.jsonl').map((r) => ({
    conversation: r.id,
    messages: r.messages.map((m) => extractFeatures(unspace(m.text))),
    willDerail: r.label,
  }));
}

export function threadVector(item: ThreadItem, attack: LinearModel): Map<string, number> {
  return forecastFeatures(
    item.messages,
    item.messages.map((m) => attackLogit(m, attack)),
  );
}

export function fitForecast(items: readonly ThreadItem[], attack: LinearModel): LinearModel {
  const samples: Sample[] = items.map((it) => ({ x: threadVector(it, attack), y: it.willDerail ? 1 : 0 }));
  return fitLogistic(samples, FORECAST_FIT);
}

export interface PolitenessItem {
  id: string;
  corpus: 'wikipedia' | 'stackexchange';
  features: MessageFeatures;
  isPolite: boolean;
}

/** Top (polite) and bottom (impolite) quartiles only, as in Danescu-Niculescu-Mizil et al. (2013). */
export function politenessItems(): PolitenessItem[] {
  const out: PolitenessItem[] = [];
  for (const corpus of ['wikipedia', 'stackexchange'] as const) {
    for (const r of loadJsonl<{ id: string; text: string; label: string }>(`politeness_${corpus}.jsonl`)) {
      if (r.label === 'neutral') continue;
      out.push({ id: `${corpus}:${r.id}`, corpus, features: extractFeatures(r.text), isPolite: r.label === 'polite' });
    }
  }
  return out;
}

export function fitPoliteness(items: readonly PolitenessItem[]): LinearModel {
  return fitLogistic(
    items.map((it) => ({ x: it.features.values, y: it.isPolite ? 1 : 0 })),
    POLITENESS_FIT,
  );
}
