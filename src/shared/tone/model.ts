/** Linear models over named features, stored as JSON (see model-weights.json). */

export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

export function linearScore(model: LinearModel, values: ReadonlyMap<string, number>): number {
  let z = model.bias;
  for (const [name, value] of values) {
    const w = model.weights[name];
    if (w !== undefined) z += w * value;
  }
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
