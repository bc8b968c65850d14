/**
 * pyplot's global state: the open figures and the current one. Like matplotlib's inline backend, every open
 * figure is shown once its cell ends (the kernel calls `takeUnshownFigures`), and `show()` shows and closes them.
 */
import type { Displayable } from "../display";
import { Figure, type RawPlotlyFigure } from "./figure";

export const openFigures: (Figure | RawPlotlyFigure)[] = [];
let current: Figure | undefined;

/** Makes `figure` the current one, registering it as open. @example activate(new Figure(1)) */
export function activate(figure: Figure | RawPlotlyFigure): void {
  if (!openFigures.includes(figure)) openFigures.push(figure);
  if (figure instanceof Figure) current = figure;
}

/** The current figure, if any is open. @example currentFigure()?.number */
export function currentFigure(): Figure | undefined {
  return current;
}

/** The lowest figure number not in use (matplotlib numbers figures 1, 2, …). @example nextFigureNumber() // 1 */
export function nextFigureNumber(): number {
  const used = new Set(openFigures.filter((f): f is Figure => f instanceof Figure).map((f) => f.number));
  let number = 1;
  while (used.has(number)) number++;
  return number;
}

/** Forgets the figures (matplotlib's `plt.close`); the current figure becomes the last open one. @example forget([...openFigures]) */
export function forget(figures: readonly (Figure | RawPlotlyFigure)[]): void {
  for (const figure of figures) {
    const index = openFigures.indexOf(figure);
    if (index >= 0) openFigures.splice(index, 1);
  }
  current = [...openFigures].reverse().find((f): f is Figure => f instanceof Figure);
}

/**
 * For the kernel, after every cell: the figures the cell left open, in creation order, each to be displayed
 * as its own output; they are closed, so the next cell starts with none (matplotlib-inline's flush_figures).
 * @example for (const figure of takeUnshownFigures()) display(figure);
 */
export function takeUnshownFigures(): Displayable[] {
  const figures = [...openFigures];
  forget(figures);
  return figures;
}
