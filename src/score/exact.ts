// Exact decimal arithmetic for an instrument that rounds its own numbers: a value typed as 2.05 is the decimal 2.05,
// not the nearest binary double, so 2.05 / 5 × 1.5 is exactly 0.615 and rounds half-up to 0.62 (binary floating
// point gives 0.61499999…). Values are fractions of BigInts; a number enters through its shortest decimal text.
export interface Exact {
  /** Numerator; the sign lives here. */
  n: bigint;
  /** Denominator, always > 0. */
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

function norm(n: bigint, d: bigint): Exact {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Exact = { n: 0n, d: 1n };

/** The decimal a number was typed as: its shortest round-trip text (0.1 is 1/10, 1e-7 is 1/10^7). */
export function exact(x: number): Exact {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`unexpected number text: ${String(x)}`);
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0) - frac.length;
  let n = BigInt(`${m[1]}${m[2]}${frac}`);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  return norm(n, d);
}

export const add = (a: Exact, b: Exact): Exact => norm(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Exact, b: Exact): Exact => norm(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Exact, b: Exact): Exact => norm(a.n * b.n, a.d * b.d);
export function div(a: Exact, b: Exact): Exact {
  if (b.n === 0n) throw new RangeError('division by zero');
  return norm(a.n * b.d, a.d * b.n);
}
export const cmp = (a: Exact, b: Exact): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};

/** Rounded half away from zero (Excel's ROUND, "half-up" for the positive numbers of an index) to `decimals`. */
export function roundExact(a: Exact, decimals: number, mode: 'half-up' | 'half-down' = 'half-up'): Exact {
  const scale = 10n ** BigInt(decimals);
  const neg = a.n < 0n;
  const n = (neg ? -a.n : a.n) * scale;
  let q = n / a.d;
  const twice = (n % a.d) * 2n;
  if (twice > a.d || (twice === a.d && mode === 'half-up')) q += 1n;
  return norm(neg ? -q : q, scale);
}

/** Whether the value lies exactly halfway between two neighbours at `decimals` (0.615 at 2): where rounding modes part. */
export function isTie(a: Exact, decimals: number): boolean {
  const scale = 10n ** BigInt(decimals);
  const n = (a.n < 0n ? -a.n : a.n) * scale;
  return (n % a.d) * 2n === a.d;
}

/** The nearest double: exact for the results of roundExact (k / 10^d is one correctly rounded division). */
export function toNumber(a: Exact): number {
  if (a.d === 1n) return Number(a.n);
  const limit = 2n ** 53n;
  if ((a.n < 0n ? -a.n : a.n) < limit && a.d < limit) return Number(a.n) / Number(a.d);
  // rare: long fractions; 17 significant digits are enough for a double
  const scale = 10n ** 20n;
  return Number((a.n * scale) / a.d) / 1e20;
}
