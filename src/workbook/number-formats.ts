// Which cell styles show a number as a percentage: "70,05%" typed in Excel is stored as 0.7005 with a percent
// format, and only the format tells it from a typed 0.7005. styles.xml is read on the first question, which most
// worksheets never ask (lke asks only about numbers that could be a percentage typed on another scale).
import type { NumberFormats } from './grid.js';
import { tokenizeXml } from './xml.js';

/** Built-in number formats that are percentages (ECMA-376 §18.8.30: 9 = "0%", 10 = "0.00%"). */
const BUILTIN_PERCENT = new Set([9, 10]);

/** Whether a format code shows a percentage: a % outside quoted text, escapes and [colour/condition] sections. */
export function isPercentCode(code: string): boolean {
  return /%/.test(code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''));
}

export class LazyNumberFormats implements NumberFormats {
  // private fields: two reads of one workbook compare equal (the grid is data; this is how to get more of it)
  #load: (() => string | undefined) | undefined;
  #percent: Set<number> | undefined;

  /** `load` gives the styles part's text (or undefined); it is called at most once. */
  constructor(load: (() => string | undefined) | undefined) {
    this.#load = load;
  }

  isPercent(style: number): boolean {
    if (!this.#percent) {
      const xml = this.#load?.();
      this.#load = undefined;
      this.#percent = xml ? percentStyles(xml) : new Set();
    }
    return this.#percent.has(style);
  }
}

/** The indices of the cell formats (<cellXfs>) whose number format is a percentage. */
export function percentStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const out = new Set<number>();
  let inXfs = false;
  let depth = 0;
  let index = 0;
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  try {
    tokenizeXml(
      xml,
      (t) => {
        const name = local(t.name);
        if (name === 'numFmt') {
          const id = Number(t.attr('numFmtId'));
          const code = t.attr('formatCode');
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (name === 'cellXfs') {
          inXfs = !t.selfClosing;
          depth = 0;
        } else if (inXfs) {
          if (name === 'xf' && depth === 0) {
            const id = Number(t.attr('numFmtId') ?? 0);
            if (BUILTIN_PERCENT.has(id) || (custom.has(id) && isPercentCode(custom.get(id)!))) out.add(index);
            index++;
          }
          // every tag inside gets its onClose (a self-closing one at once)
          depth++;
        }
      },
      () => {},
      (name) => {
        if (!inXfs) return;
        if (depth === 0 && local(name) === 'cellXfs') inXfs = false;
        else depth--;
      },
    );
  } catch {
    // damaged styles: no cell is known to be a percentage (the grid itself was read already)
  }
  return out;
}
