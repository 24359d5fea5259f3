/**
 * Fits the shipped tone models on all the labelled data and writes src/shared/tone/model-weights.json.
 * Deterministic: full-batch optimisation, no sampling. The figures to quote come from
 * `npm run eval:tone`, which refits the same recipes on training folds only.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { attackItems, fitAttack, fitForecast, fitPoliteness, politenessItems, threadItems } from './tone-datasets';

const started = performance.now();
const attack = fitAttack(attackItems());
const politeness = fitPoliteness(politenessItems());
const forecast = fitForecast(threadItems(), attack);

const target = fileURLToPath(new URL('../../src/shared/tone/model-weights.json', import.meta.url));
const json = JSON.stringify({ attack, politeness, forecast });
writeFileSync(target, `${json}\n`);

const count = (m: { weights: Record<string, number> }): number => Object.keys(m.weights).length;
console.log(
  `wrote ${target}: ${json.length} bytes; weights attack ${count(attack)}, politeness ${count(politeness)}, ` +
    `forecast ${count(forecast)}; ${Math.round(performance.now() - started)} ms`,
);
