/** The prelude: which globals a notebook gets, their declarations, and Node's types wherever the notebook is. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeTypesReference, preludeSource, resolveGlobals } from "../kernel/prelude";
import { REPO } from "./clients/harness";

describe("resolveGlobals", () => {
  it("reports globals whose module is not built or lacks the export, instead of failing", () => {
    const { values, missing } = resolveGlobals([
      { name: "ghost", module: "lib/does-not-exist", exportName: "ghost" },
      { name: "nothing", module: "lib/display/index", exportName: "nothing" },
    ]);
    expect(values).toEqual({});
    expect(missing).toEqual(["ghost (lib/does-not-exist is not built)", "nothing (lib/display/index has no such export)"]);
  });

  it("takes np's and plt's modules whole when they export no np/plt namespace", () => {
    const { sources } = resolveGlobals([{ name: "np", module: "lib/display/index", exportName: "np" }]);
    expect(sources).toEqual([{ name: "np", module: "lib/display/index", exportName: "*" }]);
  });
});

describe("preludeSource", () => {
  it("declares each global with the type of its built module's export", () => {
    const source = preludeSource(
      [
        { name: "display", module: "lib/display/index", exportName: "display" },
        { name: "np", module: "lib/np/index", exportName: "*" },
      ],
      REPO,
    );
    const dist = join(REPO, "dist");
    expect(source).toContain(`  var display: typeof import(${JSON.stringify(join(dist, "lib/display/index"))})["display"];`);
    expect(source).toContain(`  var np: typeof import(${JSON.stringify(join(dist, "lib/np/index"))});`);
    expect(source).toMatch(/^declare global \{/m);
  });
});

describe("nodeTypesReference", () => {
  it("adds nothing when tslab or the notebook's folders have @types/node", () => {
    expect(nodeTypesReference(REPO)).toBe("");
  });

  it("points at tsdl's own @types/node when neither has it", () => {
    const nowhere = mkdtempSync(join(tmpdir(), "tsdl-no-types-"));
    const reference = nodeTypesReference(nowhere, nowhere);
    const path = /^\/\/\/ <reference path="(.+)" \/>\n$/.exec(reference)?.[1];
    expect(path).toBe(join(REPO, "node_modules", "@types", "node", "index.d.ts"));
    expect(existsSync(path!)).toBe(true);
  });
});
