// Fills cells of a written .xlsx the way a script would, without a spreadsheet library: the sheet's XML gets the
// typed values in place of its empty (styled) cells; everything else (formulas, cached values, validations,
// defined names, protection) stays byte for byte. A cell that the sheet does not hold is an error.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Typed = string | number;

function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const wb = strFromU8(files['xl/workbook.xml']!);
  const esc = sheet.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const m = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(wb) ?? new RegExp(`<sheet [^>]*r:id="([^"]+)"[^>]*name="${esc}"`).exec(wb);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const t = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  const target = (t?.[1] ?? t?.[2])!;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function fillXlsx(buf: Uint8Array, sheet: string, values: Map<string, Typed>): Uint8Array {
  const files = unzipSync(buf);
  const part = sheetPart(files, sheet);
  let xml = strFromU8(files[part]!);
  for (const [addr, v] of values) {
    const re = new RegExp(`<c r="${addr}"((?: s="\\d+")?)(?: t="\\w+")?(?:/>|>.*?</c>)`);
    if (!re.test(xml)) throw new Error(`${sheet}!${addr} is not in the sheet`);
    const cell = typeof v === 'number' ? `<c r="${addr}"$1><v>${v}</v></c>` : `<c r="${addr}"$1 t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
    xml = xml.replace(re, cell);
  }
  files[part] = strToU8(xml);
  return zipSync(files);
}
