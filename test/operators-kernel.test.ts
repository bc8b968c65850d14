/**
 * NumPy-style operators through a real kernel over ZeroMQ, in a notebook folder without node_modules: the
 * operator form computes what the method form does, and hover, completion and type errors work on what was typed.
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

async function resultText(code: string): Promise<string> {
  const { reply, outputs } = await kernel.execute(code);
  expect(reply.content.status, JSON.stringify(reply.content)).toBe("ok");
  return ofType(outputs, "execute_result")[0]?.content.data["text/plain"];
}

it("100 * A / cal.reshape(1, 4) is A.div(cal.reshape(1, 4)).mul(100)", async () => {
  await resultText("const A = np.array([[56, 0, 4.4, 68], [1.2, 104, 52, 8], [1.8, 135, 99, 0.9]]);\nconst cal = A.sum({ axis: 0 });");
  const withMethods = await resultText("A.div(cal.reshape(1, 4)).mul(100)");
  expect(withMethods).toMatch(/^array\(\[\[/);
  expect(await resultText("const percentage = 100 * A / cal.reshape(1, 4); percentage")).toBe(withMethods);
});

it("hover shows NDArray for an operator result; completion works after (A + b).", async () => {
  const inspection = await kernel.request("shell", "inspect_request", { code: "percentage", cursor_pos: 10, detail_level: 0 });
  expect(inspection.content.data["text/plain"]).toMatch(/const percentage: NDArray/);
  const onOperator = await kernel.request("shell", "inspect_request", { code: "100 * A / cal", cursor_pos: 9, detail_level: 0 });
  expect(onOperator.content.data["text/plain"]).toBe("100 * A / cal: NDArray");
  const code = "const b = 1;\n(A + b).";
  const completion = await kernel.request("shell", "complete_request", { code, cursor_pos: code.length });
  expect(completion.content.matches).toEqual(expect.arrayContaining(["sum", "reshape", "T"]));
  expect(completion.content.cursor_start).toBe(code.length);
});

it("an NDArray plus a string is a type error at the string's column; W -= dW updates W in place", async () => {
  const { reply } = await kernel.execute('const label = A + "%"');
  expect(reply.content).toMatchObject({ status: "error", ename: "TSError" });
  expect(reply.content.evalue).toBe(`cell:1:19 - Operator '+' cannot be applied to types 'NDArray' and '"%"'.`);
  expect(await resultText("const W = np.ones([2]); const before = W; W -= np.array([0.5, 2]); [before === W, W.tolist()]")).toBe("[ true, [ 0.5, -1 ] ]");
});
