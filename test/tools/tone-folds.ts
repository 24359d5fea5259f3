/**
 * Out-of-fold scoring for the workplace data: one message model per fold, fitted without any message
 * of the fold's conversations (and never on GoEmotions' official test split), then every labelled
 * thread and message scored by the model of its own fold.
 */
import { hostilityLogit } from '../../src/shared/tone/message';
import type { HashedModel } from '../../src/shared/tone/sour-model';
import { analyzeThread, turnIndex, type OperatingPoint, type ThreadTone } from '../../src/shared/tone/thread';
import { calibrate } from './tone-calibrate';
import { FOLDS } from './tone-datasets';
import { fitSour, type SourItem } from './tone-sour';
import { workplaceData, type HeatedThread, type WorkplaceThread } from './tone-workplace';

export interface OutOfFold {
  items: SourItem[];
  /** The shipped message score (hand-weighted cues and the learned model), per item. */
  messageScores: number[];
  dev: Array<{ thread: WorkplaceThread; fold: number; tone: ThreadTone }>;
  heated: Array<{ thread: HeatedThread; fold: number; tone: ThreadTone }>;
  /** The operating point each fold's threads were judged with, calibrated on the other folds. */
  operating: OperatingPoint[];
  /** The operating point calibrated on every dev thread's out-of-fold score: what ships. */
  shipped: OperatingPoint;
  /** The message model fitted on everything but GoEmotions' test split: what ships. */
  shippedModel: HashedModel;
  models: HashedModel[];
}

export function outOfFold(log: (line: string) => void = () => {}): OutOfFold {
  const data = workplaceData(FOLDS);
  const models: HashedModel[] = [];
  for (let k = 0; k < FOLDS; k++) {
    models.push(fitSour(data.items.filter((it) => it.split !== 'test' && data.foldOf(it.group) !== k)));
    log(`message model ${k + 1}/${FOLDS} fitted`);
  }
  // GoEmotions' test split is in no fold's training: it is scored by the shipped recipe, fitted on
  // everything else, exactly as train-tone fits it.
  const shippedModel = fitSour(data.items.filter((it) => it.split !== 'test'));
  log('shipped message model fitted');
  const messageScores = data.items.map((it) => hostilityLogit(it.features, it.split === 'test' ? shippedModel : models[data.foldOf(it.group)]));

  // First pass with a fixed operating point: only the scores matter, and they do not depend on it.
  const provisional: OperatingPoint = { tense: 0.3, sour: 0.5 };
  const scored = data.dev.map((thread) => {
    const fold = data.foldOf(thread.group);
    return { thread, fold, score: analyzeThread(thread.messages, { model: models[fold]!, operating: provisional }).score };
  });
  const operating = Array.from({ length: FOLDS }, (_, k) =>
    calibrate(scored.filter((s) => s.fold !== k).map((s) => ({ label: s.thread.label, score: s.score }))),
  );
  const shipped = calibrate(scored.map((s) => ({ label: s.thread.label, score: s.score })));
  const dev = scored.map(({ thread, fold }) => ({
    thread,
    fold,
    tone: analyzeThread(thread.messages, { model: models[fold]!, operating: operating[fold]! }),
  }));
  const heated = data.heated.map((thread) => {
    const fold = data.foldOf(thread.group);
    return { thread, fold, tone: analyzeThread(thread.messages, { model: models[fold]!, operating: operating[fold]! }) };
  });
  return { items: data.items, messageScores, dev, heated, operating, shipped, shippedModel, models };
}

/** Where the thread turned, by the analysis' own rule, whether or not it reached "sour". */
export function turnOf(tone: ThreadTone, operating: OperatingPoint): number {
  return turnIndex(tone.messageScores, operating.tense);
}
