// The one YAML-position helper: a source offset → "file:line:col", and the offset of the node a validation
// issue's path points at. Used by the rubric loader and by lke.config.yaml's.
import { LineCounter, isNode, type Document } from 'yaml';

export function yamlLocator(file: string): { lineCounter: LineCounter; where: (offset: number | undefined) => string } {
  const lineCounter = new LineCounter();
  const where = (offset: number | undefined) => {
    if (offset === undefined) return file;
    const p = lineCounter.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  return { lineCounter, where };
}

/** The source offset of the deepest YAML node that exists along `path` (of the key itself when `key`). */
export function offsetOf(doc: Document, path: (string | number)[], key = false): number | undefined {
  if (key && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    const pair = isNode(parent) && 'items' in parent ? (parent.items as { key?: unknown }[]).find((it) => isNode(it.key) && String((it.key as { value?: unknown }).value) === String(path[path.length - 1])) : undefined;
    if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}
