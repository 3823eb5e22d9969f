// Rubric data → YAML text in the built-ins' style (keys in the documented order, small maps and lists on one
// line), with comments: lines at the head of the file and lines above a node or question (the TODOs of
// `lke rubric import`). Pure.
import { Document, isMap, isSeq, type Node as YNode, type YAMLMap } from 'yaml';
import type { RubricInput } from './schema.js';

/** The order keys are written in (the order docs/rubric-format.md documents them); others follow. */
const ORDER = [
  '$schema', 'id', 'title', 'regulation', 'kind', 'years', 'detect', 'defaults', 'scales', 'predikat', 'tree', 'notes',
  'code', 'key', 'level', 'type', 'name', 'label', 'labels', 'text', 'scale', 'bobot', 'bukti', 'max', 'range', 'clamp',
  'explanation', 'optionTexts', 'inputs', 'check', 'formula', 'rules', 'options', 'score', 'aliases', 'bands', 'above', 'atLeast',
  'note', 'uncertain', 'children', 'questions',
];

/** Values the schema gives by default, left out as a person writing the file would: a choice scale's max 1. */
const DEFAULTED: Record<string, unknown> = { max: 1 };

function ordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ordered);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined && !(k in DEFAULTED && o[k] === DEFAULTED[k] && o['type'] === 'choice'));
    const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
    keys.sort((a, b) => rank(a) - rank(b));
    return Object.fromEntries(keys.map((k) => [k, ordered((v as Record<string, unknown>)[k])]));
  }
  return v;
}

const isFlat = (n: YNode | null | undefined): boolean =>
  isMap(n) ? n.items.every((p) => !isMap(p.value) && !isSeq(p.value)) && n.items.length <= 6 : isSeq(n) ? n.items.every((x) => !isMap(x) && !isSeq(x)) : false;

export interface YamlComments {
  /** Lines at the head of the file. */
  head: string[];
  /** Lines above a node or question, by its code. */
  at: Map<string, string[]>;
}

export function rubricToYaml(input: RubricInput, comments: YamlComments = { head: [], at: new Map() }): string {
  const doc = new Document(ordered(input));
  if (comments.head.length > 0) doc.commentBefore = comments.head.map((l) => ` ${l}`).join('\n');
  const placed = new Set<string>();
  const visit = (n: unknown, key?: string) => {
    if (isSeq(n)) {
      // short lists of scalars on one line: [null, 1], titles, years
      if (isFlat(n) && (key === 'clamp' || key === 'titles' || key === 'years' || key === 'range' || key === 'labels' || key === 'aliases' || key === 'answers')) n.flow = true;
      for (const item of n.items) visit(item, key);
      return;
    }
    if (!isMap(n)) return;
    const map = n as YAMLMap;
    const code = map.get('code');
    // once per code: a sole question shares its node's code, its comment stands above the node
    if (typeof code === 'string' && (key === 'tree' || key === 'children' || key === 'questions') && comments.at.has(code) && !placed.has(code)) {
      placed.add(code);
      map.commentBefore = comments.at.get(code)!.map((l) => ` ${l}`).join('\n');
    }
    // an option, a sub-input without a check, a rule, a band: one line each
    if ((key === 'options' || key === 'inputs' || key === 'rules' || key === 'bands') && isFlat(map)) map.flow = true;
    for (const pair of map.items) visit(pair.value, String((pair.key as { value?: unknown })?.value ?? pair.key));
  };
  visit(doc.contents);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
