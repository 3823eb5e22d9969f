// A workbook to write, as plain data: what `lke template` builds (pure) and write-xlsx.ts turns into bytes. It
// says what each cell holds and how it looks in the few terms a worksheet needs, never in a library's types.

export type CellValue = string | number | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Background colour, "RRGGBB". */
  fill?: string;
  /** Text colour, "RRGGBB". */
  color?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  /** Excel number format: "0.00", "0.00%". */
  numFmt?: string;
  /** A thin border on every side. */
  border?: boolean;
}

export type Validation =
  /** A dropdown: the values inline, or a range holding them ("'_lke'!$D$2:$D$5"). */
  /** `free`: the list is a suggestion, other text is accepted too. */
  | { type: 'list'; values: string[]; range?: string | undefined; prompt?: string | undefined; free?: boolean | undefined }
  /** A number between min and max (either may be absent). */
  | { type: 'decimal'; min?: number | undefined; max?: number | undefined; prompt?: string | undefined };

export interface CellPlan {
  value?: CellValue;
  /**
   * A formula without its "=". Written without a cached result: LibreOffice trusts a cached number and would not
   * recalculate it after a program filled the answers, so every app computes the formulas when it opens the file.
   */
  formula?: string;
  style?: CellStyle;
  /** Left editable when the sheet is protected. */
  unlocked?: boolean;
  validation?: Validation;
}

export interface SheetPlan {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Column widths in characters, column 1 first. */
  widths: number[];
  /** Cells by row then column (1-based). */
  cells: Map<number, Map<number, CellPlan>>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Rows above this one stay in view when scrolling. */
  freezeRows?: number;
  /** A4 print setup: orientation, the rows repeated on every page. */
  print?: { landscape: boolean; repeatRows?: [number, number] | undefined };
  /** Protect the sheet (no password: it guards against slips, not people); unlocked cells stay editable. */
  protect?: boolean;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Names for single cells: { name: "LKE_RUBRIC", sheet: "_lke", row: 1, col: 2 }. */
  names: { name: string; sheet: string; row: number; col: number }[];
  /** The sheet shown when the file is opened (index into sheets). */
  activeSheet?: number;
  properties: { title?: string; subject?: string; creator?: string; description?: string };
}

/** A mutable builder over a SheetPlan: set cells, merge, read back. */
export class SheetBuilder {
  readonly plan: SheetPlan;
  constructor(name: string, widths: number[] = []) {
    this.plan = { name, widths, cells: new Map(), merges: [] };
  }

  set(row: number, col: number, cell: CellPlan): CellPlan {
    let r = this.plan.cells.get(row);
    if (!r) this.plan.cells.set(row, (r = new Map()));
    const merged = { ...r.get(col), ...cell, style: { ...r.get(col)?.style, ...cell.style } };
    r.set(col, merged);
    return merged;
  }

  get(row: number, col: number): CellPlan | undefined {
    return this.plan.cells.get(row)?.get(col);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.plan.merges.push({ top, left, bottom, right });
  }
}
