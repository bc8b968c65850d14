/**
 * 500 cells in a row, each declaring a variable (so the declarations tslab carries between cells keep
 * growing): a cell's round trip must not slow down more than 2×, nor memory grow without bound.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ofType, TestKernel } from "./clients/zmq-client";

let kernel: TestKernel;
beforeAll(async () => {
  kernel = await TestKernel.start();
});
afterAll(async () => {
  await kernel?.close();
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The kernel's live heap after a full garbage collection (V8's gc() made reachable from inside a cell). */
async function heapUsedMB(): Promise<number> {
  const { outputs } = await kernel.execute(
    "require('v8').setFlagsFromString('--expose-gc');\nrequire('vm').runInNewContext('gc')();\nprocess.memoryUsage().heapUsed / 2 ** 20",
    { store_history: false },
  );
  return Number(ofType(outputs, "execute_result")[0].content.data["text/plain"]);
}

it("500 cells: the last ones are at most 2× slower than the first ones, memory bounded", async () => {
  const CELLS = 500;
  const times: number[] = [];
  let heapAt100 = 0;
  for (let i = 0; i < CELLS; i++) {
    const started = performance.now();
    const { reply } = await kernel.execute(`const v${i}: number = ${i};\nv${i} + 1`);
    times.push(performance.now() - started);
    expect(reply.content.status).toBe("ok");
    if (i === 100) heapAt100 = await heapUsedMB();
  }
  const first = median(times.slice(10, 60));
  const last = median(times.slice(-50));
  console.log(`median round trip: cells 10-60 ${first.toFixed(1)} ms, last 50 ${last.toFixed(1)} ms`);
  expect(last / first).toBeLessThan(2);
  const heapAt500 = await heapUsedMB();
  console.log(`heap used: after 100 cells ${heapAt100.toFixed(1)} MB, after ${CELLS} ${heapAt500.toFixed(1)} MB`);
  expect(heapAt500).toBeLessThan(heapAt100 * 1.5);
}, 300_000);
