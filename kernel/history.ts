/**
 * The inputs (and text outputs) of this kernel session, for history_request. Kept in memory: a restart
 * starts a new session, as the state does.
 */

/** One history entry: [session, line number, input] or [session, line, [input, output]]. */
export type HistoryEntry = [number, number, string] | [number, number, [string, string | null]];

/** The session number this kernel reports for its own cells (IPython numbers sessions from 1). */
const SESSION = 1;

export interface HistoryRequest {
  hist_access_type: "range" | "tail" | "search";
  output?: boolean;
  raw?: boolean;
  session?: number;
  start?: number;
  stop?: number;
  n?: number;
  pattern?: string;
  unique?: boolean;
}

/**
 * @example
 * const history = new History(); history.record(1, "1 + 1", "2");
 * history.query({ hist_access_type: "tail", n: 1 }) // [[1, 1, "1 + 1"]]
 */
export class History {
  private readonly cells: { line: number; input: string; output: string | null }[] = [];

  record(line: number, input: string, output: string | null): void {
    this.cells.push({ line, input, output });
  }

  query(request: HistoryRequest): HistoryEntry[] {
    let cells = this.cells;
    switch (request.hist_access_type) {
      case "tail":
        cells = cells.slice(-Math.max(0, request.n ?? 10));
        break;
      case "range": {
        // Sessions other than this one (positive numbers ≠ 1, or negative offsets) lie before this process.
        if ((request.session ?? 0) !== 0 && request.session !== SESSION) return [];
        const start = request.start ?? 0;
        const stop = request.stop ?? Infinity;
        cells = cells.filter(({ line }) => line >= start && line < stop);
        break;
      }
      case "search": {
        const pattern = globToRegExp(request.pattern ?? "*");
        cells = cells.filter(({ input }) => pattern.test(input));
        if (request.unique) cells = cells.filter((cell, i) => cells.findIndex((other) => other.input === cell.input) === i);
        if (request.n !== undefined) cells = cells.slice(-request.n);
        break;
      }
      default:
        return [];
    }
    return cells.map(({ line, input, output }) => (request.output ? [SESSION, line, [input, output]] : [SESSION, line, input]));
  }
}

/** IPython's history search pattern: a glob with `*` and `?`, matched against the whole input. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]");
  return new RegExp(`^${body}$`);
}
