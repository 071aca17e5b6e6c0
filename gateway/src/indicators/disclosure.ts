/**
 * Disclosure control (secret statistique) over linked tables of cells.
 *
 * A table is a set of cells and the linear relations a reader knows between them ("this total is
 * the sum of those cells"). Primary suppression hides the sensitive cells; secondary suppression
 * then hides more cells until no hidden cell can be recovered from the published ones by any
 * combination of the relations, which is checked exactly by linear algebra, not by a rule of thumb.
 */

export type SuppressionReason = "BELOW_MIN_COUNT" | "FEW_ACTIVITIES" | "DOMINANT_ACTIVITY" | "SECONDARY";

export interface CellInput {
  key: string;
  /** Used only to choose the cheapest cell to hide in secondary suppression. */
  value: bigint;
  /** Why the cell itself is sensitive, or null. */
  primary: SuppressionReason | null;
  /** Never published (a reader can only derive it): it must stay underivable only when sensitive. */
  hidden?: boolean;
  /** Higher ranks (totals) are hidden last in secondary suppression. */
  rank: number;
}

/** `total` is the sum of `parts`, all of them keys of cells of the same table. */
export interface Relation {
  total: string;
  parts: string[];
}

/** Which published cells to hide, and why; hidden cells are not listed. */
export function suppress(cells: CellInput[], relations: Relation[]): Map<string, SuppressionReason> {
  const byKey = new Map(cells.map((cell) => [cell.key, cell]));
  const suppressed = new Map<string, SuppressionReason>();
  for (const cell of cells) if (cell.primary && !cell.hidden) suppressed.set(cell.key, cell.primary);
  const rows = relations
    .filter((relation) => byKey.has(relation.total) && relation.parts.every((part) => byKey.has(part)))
    .map((relation) => [relation.total, ...relation.parts]);
  const unknown = (key: string) => suppressed.has(key) || byKey.get(key)!.hidden === true;
  // What must stay underivable: every suppressed cell, and the hidden cells that are sensitive.
  const protectedCell = (key: string) => suppressed.has(key) || (byKey.get(key)!.hidden === true && byKey.get(key)!.primary !== null);
  const cheapest = (candidates: Iterable<string>): string | undefined => {
    let best: CellInput | undefined;
    for (const key of candidates) {
      const cell = byKey.get(key)!;
      if (unknown(key)) continue;
      if (!best || cell.rank < best.rank || (cell.rank === best.rank && cell.value < best.value)) best = cell;
    }
    return best?.key;
  };
  if (![...byKey.keys()].some(protectedCell)) return suppressed;
  for (let guard = 0; guard <= cells.length; guard++) {
    // The quick rule first: a relation with exactly one unknown cell gives it away.
    let changed = true;
    while (changed) {
      changed = false;
      for (const row of rows) {
        let unknowns = 0;
        let last = "";
        for (const key of row) {
          if (unknown(key)) {
            unknowns++;
            last = key;
          }
        }
        if (unknowns !== 1 || !protectedCell(last)) continue;
        const pick = cheapest(row);
        if (pick) {
          suppressed.set(pick, "SECONDARY");
          changed = true;
        }
      }
    }
    // Then the exact check: a cell is recoverable when its unit vector lies in the span of the relations.
    const exposed = recoverable(rows, unknown).filter(protectedCell);
    if (exposed.length === 0) return suppressed;
    // One more cell around each exposed one, then check again.
    let picked = 0;
    for (const cell of exposed) {
      const pick = cheapest(rows.filter((row) => row.includes(cell)).flat());
      if (pick) {
        suppressed.set(pick, "SECONDARY");
        picked++;
      }
    }
    if (picked === 0) break;
  }
  // Nothing left to hide around an exposed cell: hide the whole table rather than leak.
  for (const cell of cells) if (!cell.hidden && !suppressed.has(cell.key)) suppressed.set(cell.key, "SECONDARY");
  return suppressed;
}

/** The unknown cells that the relations determine, whatever the values of the other unknowns. */
export function recoverable(rows: string[][], unknown: (key: string) => boolean): string[] {
  // Unknown cells linked by no relation are solved apart: the matrices stay small.
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const unknownRows = rows.map((row) => row.filter(unknown)).filter((row) => row.length > 0);
  for (const row of unknownRows) {
    for (const key of row) if (!parent.has(key)) parent.set(key, key);
    for (const key of row.slice(1)) parent.set(find(key), find(row[0]));
  }
  const components = new Map<string, string[][]>();
  rows.forEach((row) => {
    const first = row.find(unknown);
    if (first === undefined) return;
    const root = find(first);
    if (!components.has(root)) components.set(root, []);
    components.get(root)!.push(row);
  });
  return [...components.values()].flatMap((component) => recoverableIn(component, unknown));
}

function recoverableIn(rows: string[][], unknown: (key: string) => boolean): string[] {
  const columns = [...new Set(rows.flat().filter(unknown))];
  if (columns.length === 0) return [];
  const index = new Map(columns.map((key, i) => [key, i]));
  const matrix = rows
    .map((row) => {
      const line = new Float64Array(columns.length);
      row.forEach((key, position) => {
        if (unknown(key)) line[index.get(key)!] += position === 0 ? 1 : -1;
      });
      return line;
    })
    .filter((line) => line.some((x) => x !== 0));
  // Reduced row echelon form; entries stay small rationals, well within double precision.
  const epsilon = 1e-9;
  let pivotRow = 0;
  for (let column = 0; column < columns.length && pivotRow < matrix.length; column++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < matrix.length; r++) if (Math.abs(matrix[r][column]) > Math.abs(matrix[best][column])) best = r;
    if (Math.abs(matrix[best][column]) < epsilon) continue;
    [matrix[pivotRow], matrix[best]] = [matrix[best], matrix[pivotRow]];
    const pivot = matrix[pivotRow][column];
    for (let c = column; c < columns.length; c++) matrix[pivotRow][c] /= pivot;
    for (let r = 0; r < matrix.length; r++) {
      if (r === pivotRow || Math.abs(matrix[r][column]) < epsilon) continue;
      const factor = matrix[r][column];
      const target = matrix[r];
      const source = matrix[pivotRow];
      for (let c = column; c < columns.length; c++) if (source[c] !== 0) target[c] -= factor * source[c];
    }
    pivotRow++;
  }
  const found: string[] = [];
  for (const line of matrix.slice(0, pivotRow)) {
    let nonZero = 0;
    let at = 0;
    for (let c = 0; c < line.length && nonZero < 2; c++) {
      if (Math.abs(line[c]) > epsilon) {
        nonZero++;
        at = c;
      }
    }
    if (nonZero === 1) found.push(columns[at]);
  }
  return found;
}
