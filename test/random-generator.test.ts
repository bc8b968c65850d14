/**
 * np.random.default_rng against numpy's Generator (fixtures from test/golden/generator.py): the PCG64 state after
 * seeding and after draws, and every value of each call bit for bit — floats, Gaussians, integers, permutations,
 * samples — with numpy's error messages for bad arguments.
 */
import { afterAll, describe, expect, it } from "vitest";
import { NDArray, array } from "../lib/np/ndarray";
import { Generator, PCG64, SeedSequence, default_rng } from "../lib/np/random-generator";
import { decodeRandomArgument, decodeScalar, expectGolden, expectNumpyError, loadGolden, ulpDistance, type GoldenValue } from "./helpers/golden";

type Call = [name: string, args: unknown[], kwargs: Record<string, unknown>];
interface Outcome {
  result?: GoldenValue;
  state?: string[];
  error?: string;
  message?: string;
}

/** Python's parameter order of each method, to place keyword arguments; options-object keys after them. */
const PARAMETERS: Record<string, { positional: string[]; options?: string[] }> = {
  random: { positional: ["size"] },
  standard_normal: { positional: ["size"] },
  normal: { positional: ["loc", "scale", "size"] },
  uniform: { positional: ["low", "high", "size"] },
  standard_exponential: { positional: ["size"], options: ["method"] },
  exponential: { positional: ["scale", "size"] },
  integers: { positional: ["low", "high", "size"], options: ["dtype", "endpoint"] },
  choice: { positional: ["a", "size"], options: ["replace", "p", "shuffle"] },
  permutation: { positional: ["x"] },
  shuffle: { positional: ["x"] },
  standard_gamma: { positional: ["shape", "size"] },
  gamma: { positional: ["shape", "scale", "size"] },
  beta: { positional: ["a", "b", "size"] },
  chisquare: { positional: ["df", "size"] },
  binomial: { positional: ["n", "p", "size"] },
  poisson: { positional: ["lam", "size"] },
  geometric: { positional: ["p", "size"] },
  laplace: { positional: ["loc", "scale", "size"] },
  logistic: { positional: ["loc", "scale", "size"] },
  gumbel: { positional: ["loc", "scale", "size"] },
  lognormal: { positional: ["mean", "sigma", "size"] },
  standard_cauchy: { positional: ["size"] },
  standard_t: { positional: ["df", "size"] },
  rayleigh: { positional: ["scale", "size"] },
  weibull: { positional: ["a", "size"] },
  pareto: { positional: ["a", "size"] },
  power: { positional: ["a", "size"] },
  triangular: { positional: ["left", "mode", "right", "size"] },
};

/**
 * Distributions whose values go through C's log/exp/pow/expm1/log1p: ours agree to the last bit nearly always
 * (random-shared.ts), so these compare within a few ulp and count how many are bit-exact.
 */
const TRANSCENDENTAL = new Set([
  "standard_gamma", "gamma", "beta", "chisquare", "laplace", "logistic", "gumbel", "lognormal", "standard_t",
  "weibull", "pareto", "power",
]);
const exactSeen = new Map<string, [number, number]>();

function countExact(name: string, actual: unknown, golden: GoldenValue): void {
  const values = actual instanceof NDArray ? actual.toArray() : [actual as number];
  const expected = golden.data.map((x) => decodeScalar(x) as number);
  const exact = values.filter((v, i) => ulpDistance(v, expected[i]) === 0).length;
  const [seen, exactSoFar] = exactSeen.get(name) ?? [0, 0];
  exactSeen.set(name, [seen + values.length, exactSoFar + exact]);
}

/** Performs one fixture call with tsdl's API: numpy's keyword arguments become positions or an options object. */
function perform(rng: Generator, [name, rawArgs, rawKwargs]: Call): unknown {
  if (name === "state") {
    const { state, has_uint32, uinteger } = rng.bit_generator.state;
    return [state.state, state.inc, has_uint32, uinteger].map(String);
  }
  const { positional, options = [] } = PARAMETERS[name];
  const args = rawArgs.map(decodeRandomArgument);
  const named = [...args, ...positional.slice(args.length).map((p) => decodeRandomArgument(rawKwargs[p]))];
  const optionValues = Object.fromEntries(options.filter((o) => o in rawKwargs).map((o) => [o, decodeRandomArgument(rawKwargs[o])]));
  const method = (rng as unknown as Record<string, (...a: unknown[]) => unknown>)[name].bind(rng);
  if (name === "shuffle") {
    method(named[0]);
    return named[0];
  }
  return options.length ? method(...named, optionValues) : method(...named);
}

describe("np.random.default_rng matches numpy's Generator", () => {
  for (const testCase of loadGolden("generator")) {
    const calls = testCase.calls as Call[];
    const results = testCase.results as Outcome[];
    it(testCase.name, () => {
      const seed = testCase.seed as number | number[] | string; // a string: an integer past 2^53
      const rng = default_rng(typeof seed === "string" ? BigInt(seed) : seed);
      calls.forEach((call, i) => {
        const golden = results[i];
        const label = `${call[0]}(${JSON.stringify(call[1]).slice(1, -1).slice(0, 60)}) ${JSON.stringify(call[2])}`;
        if (golden.error) return expectNumpyError(() => perform(rng, call), golden.error, golden.message, label);
        const actual = perform(rng, call);
        if (call[0] === "state") expect(actual, label).toEqual(golden.state);
        else if (TRANSCENDENTAL.has(call[0])) {
          countExact(call[0], actual, golden.result!);
          expectGolden(actual, golden.result!, { ulp: 4 }, label);
        } else expectGolden(actual, golden.result!, { ulp: 0 }, label);
      });
    });
  }
});

describe("np.random.default_rng's last bits", () => {
  // A tolerance alone would hide an algorithm variant that is off by an ulp (say log vs log1p): demand bit-exactness
  // for nearly all values (runs after the golden cases, in file order).
  it("is bit-exact for at least 99.5% of the values of each distribution through log/exp/pow", () => {
    expect(exactSeen.size).toBeGreaterThan(10);
    for (const [name, [seen, exact]] of exactSeen) expect(exact / seen, name).toBeGreaterThanOrEqual(0.995);
  });
});

afterAll(() => {
  const perDistribution = [...exactSeen].map(([name, [seen, exact]]) => `${name} ${exact}/${seen}`);
  console.log(`Generator bit-exact through log/exp/pow: ${perDistribution.join(", ")}`);
});

describe("np.random.default_rng beyond the fixtures", () => {
  it("the docstrings' values", () => {
    expect((default_rng(42).random(3) as NDArray).toArray()).toEqual([0.7739560485559633, 0.4388784397520523, 0.8585979199113825]);
    expect(new PCG64(0).state.state.state).toBe(35399562948360463058890781895381311971n);
    expect((default_rng(0).integers(10, null, 5) as NDArray).toArray()).toEqual([8, 6, 5, 2, 3]);
  });

  it("a Generator passed to default_rng is returned as it is; a PCG64 or SeedSequence is used", () => {
    const rng = default_rng(3);
    expect(default_rng(rng)).toBe(rng);
    expect(default_rng(new PCG64(5)).random()).toBe(default_rng(5).random());
    expect(default_rng(new SeedSequence([1, 2])).random()).toBe(default_rng([1, 2]).random());
  });

  it("shows itself as numpy's repr does, without the address", async () => {
    const { inspect } = await import("node:util");
    expect(inspect(default_rng(0))).toBe("Generator(PCG64)");
  });

  it("no seed draws fresh entropy", () => {
    expect(default_rng().random()).not.toBe(default_rng().random());
  });

  it("state can be saved and restored, the buffered 32-bit half included", () => {
    const rng = default_rng(9);
    rng.integers(10); // leaves half a 64-bit word buffered
    const saved = rng.bit_generator.state;
    const first = [rng.integers(10), rng.random(), rng.standard_normal()];
    rng.bit_generator.state = saved;
    expect([rng.integers(10), rng.random(), rng.standard_normal()]).toEqual(first);
  });

  it("is independent of the legacy global generator", async () => {
    const legacy = await import("../lib/np/random");
    const rng = default_rng(4);
    const expected = default_rng(4).random(3);
    legacy.seed(1);
    legacy.rand(10);
    expect((rng.random(3) as NDArray).toArray()).toEqual((expected as NDArray).toArray());
  });
});

describe("np.random.default_rng's array parameters", () => {
  it("draw one value per element of the broadcast shape, in C order, each as a call with its parameters would", () => {
    const means = [[0], [10], [20]];
    const scales = [1, 2];
    const drawn = default_rng(5).normal(means, scales);
    const rng = default_rng(5);
    expect(drawn.shape).toEqual([3, 2]);
    expect(drawn.dtype).toBe("float64");
    expect(drawn.toArray()).toEqual(means.flatMap(([mean]) => scales.map((scale) => rng.normal(mean, scale))));
  });

  it("integers draws each element from its own range", () => {
    const drawn = default_rng(2).integers([0, 100, -50], [10, 200, -40], [1000, 3]);
    const columns = [0, 1, 2].map((j) => drawn.toArray().filter((_, i) => i % 3 === j));
    expect(columns.map((c) => [Math.min(...c), Math.max(...c)])).toEqual([[0, 9], [100, 199], [-50, -41]]);
    expect(drawn.dtype).toBe("int64");
  });

  it("0-d array parameters without size give a number, as numpy's", () => {
    expect(typeof default_rng(0).normal(array(5.0), array(2.0))).toBe("number");
    expect(typeof default_rng(0).binomial(array(10), 0.5)).toBe("number");
  });
});
