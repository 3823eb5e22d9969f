// Shared by bench/score.mjs and bench/batch.mjs: statistics, the bare unzip+SAX floor, and a CPU-profile summary.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The parts the floor reads: every worksheet and the shared strings (what lke needs to build its grid). */
export const FLOOR_PART = (name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name) || name === 'xl/sharedStrings.xml';

/** One saxes pass over a part that only counts elements: no grid, no strings kept. */
export function saxCount(bytes) {
  let n = 0;
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on('opentag', () => {
    n++;
  });
  p.write(new TextDecoder().decode(bytes)).close();
  return n;
}

/**
 * The floor: fflate `unzipSync` of the worksheet + sharedStrings entries, then a counting saxes pass over each.
 * Returns the number of elements seen (so the work cannot be optimised away, and as a sanity figure).
 */
export function floorFflate(buf) {
  const parts = unzipSync(buf, { filter: (f) => FLOOR_PART(f.name) });
  let n = 0;
  for (const bytes of Object.values(parts)) n += saxCount(bytes);
  return n;
}

/**
 * The entries of a zip archive whose names pass `want`, inflated with node's zlib (`inflateRawSync`, what lke's
 * src/workbook/zip.ts uses) after a minimal walk of the zip directory: { name: bytes }.
 */
export function inflateEntries(buf, want) {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('inflateEntries: no zip directory');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out = {};
  for (let k = 0; k < count; k++) {
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = utf8.decode(buf.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (!want(name)) continue;
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const raw = buf.subarray(start, start + csize);
    out[name] = method === 0 ? raw : inflateRawSync(raw);
  }
  return out;
}
const utf8 = new TextDecoder();

/** The same floor with node's zlib: tells the inflater's share apart from lke's own work. */
export function floorZlib(buf) {
  let n = 0;
  for (const bytes of Object.values(inflateEntries(buf, FLOOR_PART))) n += saxCount(bytes);
  return n;
}

/**
 * The indexOf-scan floor, the least any scorer must do with a worksheet: inflate the sheets and the shared strings
 * with node's zlib, decode them, and find every <c> cell with its reference, type and value (<v>, or an inline
 * string's <t>), shared strings resolved — with String.indexOf only: no tokenizer, no grid, nothing kept.
 * Returns { cells, chars } (cells seen, characters of values found), so none of the work can be optimised away.
 */
export function floorScan(buf) {
  const parts = inflateEntries(buf, FLOOR_PART);
  const shared = [];
  const sst = parts['xl/sharedStrings.xml'];
  if (sst) {
    const x = utf8.decode(sst);
    for (let p = x.indexOf('<si>'); p >= 0; p = x.indexOf('<si>', p)) {
      const end = x.indexOf('</si>', p);
      let text = '';
      for (let q = x.indexOf('<t', p); q >= 0 && q < end; q = x.indexOf('<t', q + 2)) {
        const c = x.charCodeAt(q + 2);
        if (c !== 62 && c !== 32) continue; // <t> or <t xml:space=…>, not another name
        const gt = x.indexOf('>', q);
        if (x.charCodeAt(gt - 1) === 47) continue;
        const close = x.indexOf('</t>', gt);
        text += x.slice(gt + 1, close);
        q = close;
      }
      shared.push(text);
      p = end;
    }
  }
  let cells = 0;
  let chars = 0;
  for (const [name, bytes] of Object.entries(parts)) {
    if (name === 'xl/sharedStrings.xml') continue;
    const x = utf8.decode(bytes);
    for (let i = x.indexOf('<c '); i >= 0; i = x.indexOf('<c ', i)) {
      const gt = x.indexOf('>', i);
      const tag = x.slice(i, gt); // the attributes are looked for in the tag only (a search past it is quadratic)
      const r = tag.indexOf(' r="');
      const ref = r >= 0 ? tag.slice(r + 4, tag.indexOf('"', r + 4)) : '';
      const t = tag.indexOf(' t="');
      const type = t >= 0 ? tag.slice(t + 4, tag.indexOf('"', t + 4)) : 'n';
      cells++;
      chars += ref.length;
      if (x.charCodeAt(gt - 1) === 47) {
        i = gt;
        continue;
      }
      const close = x.indexOf('</c>', gt);
      const inner = x.slice(gt + 1, close);
      let value = '';
      const v = inner.indexOf('<v>');
      if (v >= 0) value = inner.slice(v + 3, inner.indexOf('</v>', v));
      else {
        const it = inner.indexOf('<t');
        if (it >= 0) value = inner.slice(inner.indexOf('>', it) + 1, inner.indexOf('</t>', it));
      }
      if (type === 's') value = shared[Number(value)] ?? '';
      chars += value.length;
      i = close;
    }
  }
  return { cells, chars };
}

/** Self time by area (package, lke folder, GC, node) and the top functions of every .cpuprofile in `dir`. */
export function summarizeProfiles(dir, { areas = 10, functions = 15 } = {}) {
  const byFn = new Map();
  const byArea = new Map();
  let total = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of files) {
    const prof = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const dt = new Map(); // node id → ms of self time
    for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
    for (const n of prof.nodes) {
      const self = dt.get(n.id) ?? 0;
      if (!self) continue;
      const { functionName, url, lineNumber } = n.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') continue;
      total += self;
      const where = url.includes('/node_modules/') ? url.replace(/.*\/node_modules\//, '') : url.includes('/dist/') ? url.replace(/.*\/dist\//, 'dist/') : url || functionName;
      const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
      byFn.set(key, (byFn.get(key) ?? 0) + self);
      const area = url.includes('/node_modules/')
        ? url.replace(/.*\/node_modules\/([^/]+).*/, '$1')
        : url.includes('/dist/')
          ? `lke ${url.replace(/.*\/dist\/([^/]+(?:\/[^/]+)?).*/, '$1').replace(/\.js$/, '')}`
          : functionName === '(garbage collector)'
            ? 'GC'
            : url.startsWith('node:')
              ? `node ${url.slice(5).split('/')[0]}`
              : 'node/V8 (native)';
      byArea.set(area, (byArea.get(area) ?? 0) + self);
    }
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  return { total, profiles: files.length, text: `self time by area:\n${top(byArea, areas).join('\n')}\ntop functions:\n${top(byFn, functions).join('\n')}` };
}

/** A fixed-width table of rows { figure, value, baseline, ratio, target, pass }. */
export function table(rows) {
  const cols = ['figure', 'value', 'baseline', 'ratio', 'target', 'pass'];
  const cell = (r, c) => (c === 'pass' ? (r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL') : (r[c] ?? ''));
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r, c)).length)));
  const line = (vals) => vals.map((v, i) => String(v).padEnd(width[i])).join('  ').trimEnd();
  return [line(cols), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => cell(r, c))))].join('\n');
}

/**
 * How busy the machine was with other processes while measuring (Linux /proc only, else undefined): the busy
 * CPU time of the whole machine minus that of this process and its waited-for children, as a share of all cores.
 * Figures with 2 threads mean little when another process holds a core; the benches print this under the table.
 */
export function cpuMeter() {
  const read = () => {
    try {
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      const total = cpu.reduce((a, b) => a + b, 0);
      const idle = cpu[3] + (cpu[4] ?? 0);
      const self = readFileSync('/proc/self/stat', 'utf8');
      const f = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number); // f[0] = field 3 (state)
      const own = f[11] + f[12] + f[13] + f[14]; // utime stime cutime cstime
      return { total, busy: total - idle, own };
    } catch {
      return undefined;
    }
  };
  const a = read();
  return () => {
    const b = read();
    if (!a || !b || b.total === a.total) return undefined;
    const others = Math.max(0, b.busy - a.busy - (b.own - a.own));
    return { othersShare: others / (b.total - a.total), cores: readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d/.test(l)).length };
  };
}

/** The line the benches print about other load; warns when others took more than 10 % of the machine. */
export function loadLine(m) {
  if (!m) return 'machine load: not measured (no /proc)';
  const pct = (100 * m.othersShare).toFixed(0);
  return m.othersShare > 0.1
    ? `WARNING: other processes used ${pct}% of the ${m.cores} cores during the timed runs; multi-thread figures (and speed-ups) are unreliable: rerun on a quiet machine`
    : `machine load: other processes used ${pct}% of the ${m.cores} cores during the timed runs`;
}
