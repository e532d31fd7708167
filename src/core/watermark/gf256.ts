/**
 * Arithmetic in GF(2^8) (polynomial x^8+x^4+x^3+x^2+1, as in QR codes and most Reed–Solomon
 * codes) and the one linear solve the fragment code needs: recovering a polynomial's
 * coefficients from its values at k distinct points.
 */
const exp = new Uint8Array(512);
const log = new Uint8Array(256);
(() => {
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  // Doubled so that exp[log a + log b] needs no modulo.
  for (let i = 255; i < 512; i++) exp[i] = exp[i - 255]!;
})();

export function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : exp[log[a]! + log[b]!]!;
}

function gfInverse(a: number): number {
  if (a === 0) throw new RangeError('0 has no inverse in GF(256)');
  return exp[255 - log[a]!]!;
}

/** The value at `x` of the polynomial with these coefficients (lowest degree first). */
export function gfEvaluate(coefficients: ArrayLike<number>, x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = gfMul(value, x) ^ coefficients[i]!;
  return value;
}

/**
 * The inverse of the Vandermonde matrix of `points` (row r: 1, x_r, x_r², …), so that the
 * coefficients of a polynomial of degree < k are `inverse · values`. Undefined when two points
 * are equal (the matrix is singular).
 */
export function gfVandermondeInverse(points: readonly number[]): number[][] | undefined {
  const k = points.length;
  const m = points.map((x, r) => {
    const row = new Array<number>(2 * k).fill(0);
    let power = 1;
    for (let c = 0; c < k; c++) {
      row[c] = power;
      power = gfMul(power, x);
    }
    row[k + r] = 1;
    return row;
  });
  for (let col = 0; col < k; col++) {
    const pivot = m.findIndex((row, r) => r >= col && row[col] !== 0);
    if (pivot < 0) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const row = m[col]!;
    const scale = gfInverse(row[col]!);
    for (let c = 0; c < 2 * k; c++) row[c] = gfMul(row[c]!, scale);
    for (let r = 0; r < k; r++) {
      const other = m[r]!;
      const factor = other[col]!;
      if (r === col || factor === 0) continue;
      for (let c = 0; c < 2 * k; c++) other[c] = other[c]! ^ gfMul(factor, row[c]!);
    }
  }
  return m.map((row) => row.slice(k));
}
