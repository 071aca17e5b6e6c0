/**
 * Secondary cell suppression by the hypercube method (Repsilber 1994; Giessing & Repsilber 2002,
 * GHMITER in tau-Argus), for one table of three linked hierarchical dimensions (geography × time ×
 * breakdown), every relation of which is additive along one dimension ("this total is the sum of
 * those cells").
 *
 * For each sensitive cell x, it chooses in each dimension a pattern: a vector of -1, 0, +1 over
 * the dimension's elements, +1 at x's element, that keeps every relation of that dimension
 * (`total = sum of parts`). The product of the three patterns is a hypercube P of cells that keeps
 * every relation of the table. All its cells are suppressed; then, whatever else a reader knows,
 * `true values + d × P` agrees with every published cell and every relation. The hypercube is
 * chosen so that it also keeps every cell within the bounds a reader knows (no count or amount
 * below 0) for every shift d from `-down` to `+up`: x can then take any value in
 * [x - down, x + up], and no linear programming can narrow it (this is the protection interval).
 * Unlike the classic hypercube method on one non-hierarchical table, the patterns run across the
 * hierarchy's levels (a cooperative with its region and the network, a month with its quarter and
 * the year), so there is nothing to backtrack: the whole hierarchical table is protected at once.
 *
 * The hypercube of least cost is taken (already suppressed cells cost nothing; totals and big
 * cells cost more, so that what is lost is small), the sensitive cells in turn, the most
 * aggregated first. Figures stay exact: values are integers below 2^53, compared, never computed
 * into a published figure.
 */

export interface Dimension {
  size: number;
  /** `[total, parts]`: the element `total` is the sum of the elements `parts`. */
  relations: [number, number[]][];
  /** What hiding an element costs, relatively (totals more). */
  weight: number[];
  /** The largest pattern tried (elements with a non-zero sign). */
  maxPattern: number;
}

export interface Table {
  dimensions: [Dimension, Dimension, Dimension];
  /** Per protected measure (all share the table's cells and relations), per cell (`(g × T + t) × B + b`), the value. */
  values: Float64Array[];
  /** Cells a reader never sees (they may be derived): they are unknown for free. */
  hidden: Uint8Array;
  /** Per measure, per sensitive cell, how far up and down it must be able to move (0 elsewhere). */
  up: Float64Array[];
  down: Float64Array[];
  /** Sensitive cells (published ones are suppressed; hidden ones stay hidden). */
  sensitive: Uint8Array;
}

interface Pattern {
  elements: Int32Array;
  signs: Int8Array;
  cost: number;
}

const patternCache = new WeakMap<Dimension, Pattern[][]>();

/** Every pattern of the dimension with +1 at `element`, of at most `maxPattern` elements, cheapest first. */
export function patternsOf(dimension: Dimension, element: number): Pattern[] {
  let byElement = patternCache.get(dimension);
  if (!byElement) patternCache.set(dimension, (byElement = []));
  if (byElement[element]) return byElement[element];
  const signs = new Int8Array(dimension.size);
  const support: number[] = [element];
  signs[element] = 1;
  const found = new Map<string, Pattern>();
  const residual = ([total, parts]: [number, number[]]) => parts.reduce((r, part) => r - signs[part], signs[total]);
  const search = () => {
    const broken = dimension.relations.find((relation) => residual(relation) !== 0);
    if (!broken) {
      const sorted = [...support].sort((a, b) => a - b);
      const key = sorted.map((e) => `${e}:${signs[e]}`).join(",");
      if (!found.has(key)) {
        found.set(key, {
          elements: Int32Array.from(sorted),
          signs: Int8Array.from(sorted.map((e) => signs[e])),
          cost: sorted.reduce((cost, e) => cost + (e === element ? 0 : dimension.weight[e]), 0),
        });
      }
      return;
    }
    const r = residual(broken);
    if (Math.abs(r) !== 1 || support.length >= dimension.maxPattern) return;
    const [total, parts] = broken;
    const options: [number, number][] = [];
    if (signs[total] === 0) options.push([total, -r]);
    for (const part of parts) if (signs[part] === 0) options.push([part, r]);
    for (const [e, sign] of options) {
      signs[e] = sign;
      support.push(e);
      search();
      support.pop();
      signs[e] = 0;
    }
  };
  search();
  const patterns = [...found.values()].sort((a, b) => a.cost - b.cost || a.elements.length - b.elements.length);
  byElement[element] = patterns;
  return patterns;
}

/** How many more hypercubes are tried once one fits (the search is exhaustive otherwise). */
const MORE_TRIES = 48;

/** Which cells to suppress (1) so that every sensitive cell can move within its protection interval; hidden cells are not marked. */
export function protect(table: Table, costOf: (cell: number) => number): Uint8Array {
  const [G, T, B] = table.dimensions.map((d) => d.size);
  const cells = G * T * B;
  const unknown = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) if (table.hidden[c] || table.sensitive[c]) unknown[c] = 1;
  const cost = new Float64Array(cells);
  for (let c = 0; c < cells; c++) cost[c] = costOf(c);
  const order: number[] = [];
  for (let c = 0; c < cells; c++) if (table.sensitive[c]) order.push(c);
  // The most aggregated first: their hypercubes are the biggest, the smaller ones then reuse their cells.
  order.sort((a, b) => cost[b] - cost[a]);
  const measures = table.values.length;
  // How far each cell can go down (to 0, or its own value when below), less what x's earlier hypercubes took, per direction.
  const room = table.values.map((values) => values.map((v) => v - Math.min(0, v)));
  const usedUp = table.values.map(() => new Float64Array(cells));
  const usedDown = table.values.map(() => new Float64Array(cells));
  const touched: number[] = [];
  const ups = new Float64Array(measures);
  const downs = new Float64Array(measures);
  const capUp = new Float64Array(measures);
  const capDown = new Float64Array(measures);
  const strides = [T * B, B, 1];
  const coordinates = [0, 0, 0];
  let x = 0;
  // The hypercube being tried and the best one so far.
  const corners = new Int32Array(4096);
  const signs = new Int8Array(4096);
  const best = new Int32Array(4096);
  const bestSigns = new Int8Array(4096);
  let size = 0;
  let bestSize: number;
  let bestScore = Infinity;
  /** Whether a corner moving down by one in this direction still has room, for every measure still to cover. */
  const fits = (cell: number, sign: number): boolean => {
    for (let m = 0; m < measures; m++) {
      if (sign < 0) {
        if (ups[m] > 0 && room[m][cell] - usedUp[m][cell] < 1) return false;
      } else if (downs[m] > 0 && room[m][cell] - usedDown[m][cell] < 1) return false;
    }
    return true;
  };
  /** A hypercube's score: its cost divided by the share of what is left it covers (the least, over directions and measures). */
  const tryCombination = (pg: Pattern, pt: Pattern, pb: Pattern): boolean => {
    let total = 0;
    size = 0;
    capUp.fill(Infinity);
    capDown.fill(Infinity);
    for (let i = 0; i < pg.elements.length; i++) {
      for (let j = 0; j < pt.elements.length; j++) {
        const base = (pg.elements[i] * T + pt.elements[j]) * B;
        const sign0 = pg.signs[i] * pt.signs[j];
        for (let k = 0; k < pb.elements.length; k++) {
          const cell = base + pb.elements[k];
          const sign = sign0 * pb.signs[k];
          if (cell !== x) {
            // Moving x up moves the -1 cells down, moving x down moves the +1 cells down: neither may go below its bound.
            for (let m = 0; m < measures; m++) {
              if (sign < 0) {
                if (ups[m] > 0 && (capUp[m] = Math.min(capUp[m], room[m][cell] - usedUp[m][cell])) < 1) return false;
              } else if (downs[m] > 0 && (capDown[m] = Math.min(capDown[m], room[m][cell] - usedDown[m][cell])) < 1) return false;
            }
            if (!unknown[cell]) {
              total += cost[cell];
              if (total >= bestScore) return false;
            }
          }
          corners[size] = cell;
          signs[size++] = sign;
        }
      }
    }
    let share = 1;
    for (let m = 0; m < measures; m++) {
      if (ups[m] > 0) share = Math.min(share, Math.min(capUp[m], ups[m]) / ups[m]);
      if (downs[m] > 0) share = Math.min(share, Math.min(capDown[m], downs[m]) / downs[m]);
    }
    const score = total / share + (share < 1 ? 1e-9 : 0);
    if (score >= bestScore) return false;
    bestScore = score;
    best.set(corners.subarray(0, size));
    bestSigns.set(signs.subarray(0, size));
    bestSize = size;
    return score === 0;
  };
  // Per dimension, the patterns kept for x (those whose cells on x's own line have room) and their cost on that line.
  const keptPatterns: Pattern[][] = [[], [], []];
  const keptCosts: number[][] = [[], [], []];
  const screen = (list: Pattern[], d: number) => {
    const patterns = keptPatterns[d];
    const costs = keptCosts[d];
    patterns.length = 0;
    costs.length = 0;
    for (const pattern of list) {
      let lineCost = 0;
      let ok = true;
      for (let i = 0; i < pattern.elements.length; i++) {
        const cell = x + (pattern.elements[i] - coordinates[d]) * strides[d];
        if (cell === x) continue;
        if (!fits(cell, pattern.signs[i])) {
          ok = false;
          break;
        }
        if (!unknown[cell]) lineCost += cost[cell];
      }
      if (!ok) continue;
      // Insertion in cost order (the lists are short).
      let at = costs.length;
      patterns.push(pattern);
      costs.push(lineCost);
      while (at > 0 && costs[at - 1] > lineCost) {
        costs[at] = costs[at - 1];
        patterns[at] = patterns[at - 1];
        at--;
      }
      costs[at] = lineCost;
      patterns[at] = pattern;
    }
    return patterns.length > 0;
  };

  for (const sensitive of order) {
    x = sensitive;
    coordinates[0] = Math.floor(x / (T * B));
    coordinates[1] = Math.floor(x / B) % T;
    coordinates[2] = x % B;
    // What is still to cover, per measure: x's shift up and down. Several hypercubes add up when one is not enough,
    // each then using what the previous ones left of every cell's room (per direction: up and down are two scenarios).
    for (let m = 0; m < measures; m++) {
      ups[m] = table.up[m][x];
      downs[m] = table.down[m][x];
    }
    for (const cell of touched) for (let m = 0; m < measures; m++) usedUp[m][cell] = usedDown[m][cell] = 0;
    touched.length = 0;
    const lists = table.dimensions.map((dimension, d) => patternsOf(dimension, coordinates[d]));
    let left = ups.some((u) => u > 0) || downs.some((d) => d > 0);
    for (let round = 0; round < 16 && left; round++) {
      bestScore = Infinity;
      bestSize = 0;
      // Branch and bound. A pattern's cells on x's own line (the other two dimensions at x's element) are corners of
      // every hypercube made with it: they must have room, and their cost is a lower bound of the hypercube's.
      if (screen(lists[0], 0) && screen(lists[1], 1) && screen(lists[2], 2)) {
        const [lg, lt, lb] = keptPatterns;
        const [cg, ct, cb] = keptCosts;
        // Anytime: once a hypercube fits, a few more tries for a cheaper one, not all of them.
        let tries = 0;
        search: for (let i = 0; i < lg.length; i++) {
          if (cg[i] + ct[0] + cb[0] >= bestScore) break;
          for (let j = 0; j < lt.length; j++) {
            if (cg[i] + ct[j] + cb[0] >= bestScore) break;
            for (let k = 0; k < lb.length; k++) {
              if (cg[i] + ct[j] + cb[k] >= bestScore) break;
              if (tryCombination(lg[i], lt[j], lb[k]) || (bestSize > 0 && ++tries > MORE_TRIES)) break search;
            }
          }
        }
      }
      if (bestSize === 0) break;
      for (let i = 0; i < bestSize; i++) unknown[best[i]] = 1;
      // Take the shift it allows, keep the rest for the next one.
      for (let m = 0; m < measures; m++) {
        let shiftUp = ups[m];
        let shiftDown = downs[m];
        for (let i = 0; i < bestSize; i++) {
          const cell = best[i];
          if (cell === x) continue;
          if (bestSigns[i] < 0) shiftUp = Math.min(shiftUp, room[m][cell] - usedUp[m][cell]);
          else shiftDown = Math.min(shiftDown, room[m][cell] - usedDown[m][cell]);
        }
        for (let i = 0; i < bestSize; i++) {
          const cell = best[i];
          if (cell === x) continue;
          touched.push(cell);
          if (bestSigns[i] < 0) usedUp[m][cell] += shiftUp;
          else usedDown[m][cell] += shiftDown;
        }
        ups[m] -= shiftUp;
        downs[m] -= shiftDown;
      }
      left = ups.some((u) => u > 0) || downs.some((d) => d > 0);
    }
    if (left) {
      // Nothing fits any more (not seen with non-negative figures): hide the whole table rather than leak.
      for (let c = 0; c < cells; c++) unknown[c] = 1;
      break;
    }
  }
  const suppressed = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) if (unknown[c] && !table.hidden[c]) suppressed[c] = 1;
  return suppressed;
}
