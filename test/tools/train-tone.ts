/**
 * Fits the shipped tone models on all the labelled data and writes src/shared/tone/model-weights.json.
 * Deterministic: full-batch optimisation, no sampling. The figures to quote come from
 * `npm run eval:tone`, which refits the same recipes on training folds only.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeModel } from '../../src/shared/tone/sour-model';
import { attackItems, fitAttack, fitForecast, fitPoliteness, politenessItems, threadItems } from './tone-datasets';
import { outOfFold } from './tone-folds';

const started = performance.now();
const attack = fitAttack(attackItems());
const politeness = fitPoliteness(politenessItems());
const forecast = fitForecast(threadItems(), attack);

const target = fileURLToPath(new URL('../../src/shared/tone/model-weights.json', import.meta.url));
// The operating point is calibrated on out-of-fold scores of the labelled workplace threads.
const { shipped: operating, shippedModel } = outOfFold((line) => process.stderr.write(`${line}\n`));
const json = JSON.stringify({ attack, politeness, forecast, operating });
writeFileSync(target, `${json}\n`);

// Fitted without GoEmotions' official test split, so eval-tone can score the shipped recipe on it.
const sour = encodeModel(shippedModel);
const sourTarget = fileURLToPath(new URL('../../src/shared/tone/sour-weights.json', import.meta.url));
const sourJson = JSON.stringify(sour);
writeFileSync(sourTarget, `${sourJson}\n`);
console.log(`wrote ${sourTarget}: ${sourJson.length} bytes, ${Object.keys(sour.named).length} named weights`);

const count = (m: { weights: Record<string, number> }): number => Object.keys(m.weights).length;
console.log(
  `wrote ${target}: ${json.length} bytes; weights attack ${count(attack)}, politeness ${count(politeness)}, ` +
    `forecast ${count(forecast)}; operating point tense ${operating.tense}, sour ${operating.sour}; ${Math.round(performance.now() - started)} ms`,
);
