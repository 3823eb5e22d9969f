// Half-up rounding for presentation, as the official worksheets show numbers (ROUND in Excel is half away
// from zero). Works on the decimal text so 1.005 rounds to 1.01, not 1.00 as toFixed would give.
export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  // shortest round-trip text, then shift the decimal point by string exponent to avoid binary error
  const text = String(abs);
  const shifted = text.includes('e') ? abs * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(Number(shifted.toPrecision(15)));
  return sign * Number(`${rounded}e-${decimals}`);
}

export function fixed(value: number, decimals = 2): string {
  return roundHalfUp(value, decimals).toFixed(decimals);
}
