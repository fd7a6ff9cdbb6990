/**
 * Asymptotic standard errors of maximum-likelihood estimates: the square roots of the diagonal
 * of the inverse observed information (minus the Hessian of the summed log-likelihood at the
 * estimate), with the Hessian from central differences. They shrink as 1/√n with the number of
 * customers, which is what a parameter-recovery tolerance needs.
 */
export function standardErrors(
  logLikelihood: (x: readonly number[]) => number,
  estimate: readonly number[],
): number[] {
  const n = estimate.length;
  const h = estimate.map((v) => 1e-4 * Math.max(Math.abs(v), 1e-3));
  const at = (shift: ReadonlyMap<number, number>): number =>
    logLikelihood(estimate.map((v, i) => v + (shift.get(i) ?? 0)));
  const f0 = logLikelihood(estimate);
  const info: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const hi = h[i] as number;
    const second = (at(new Map([[i, hi]])) - 2 * f0 + at(new Map([[i, -hi]]))) / (hi * hi);
    (info[i] as number[])[i] = -second;
    for (let j = i + 1; j < n; j++) {
      const hj = h[j] as number;
      const mixed =
        (at(
          new Map([
            [i, hi],
            [j, hj],
          ]),
        ) -
          at(
            new Map([
              [i, hi],
              [j, -hj],
            ]),
          ) -
          at(
            new Map([
              [i, -hi],
              [j, hj],
            ]),
          ) +
          at(
            new Map([
              [i, -hi],
              [j, -hj],
            ]),
          )) /
        (4 * hi * hj);
      (info[i] as number[])[j] = -mixed;
      (info[j] as number[])[i] = -mixed;
    }
  }
  const inverse = invert(info);
  return inverse.map((row, i) => Math.sqrt(Math.max(0, row[i] as number)));
}

/** The inverse of a small square matrix by Gauss–Jordan elimination with partial pivoting. */
function invert(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row, i) => [
    ...row,
    ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const p = a[col] as number[];
    const d = p[col] as number;
    if (d === 0) throw new RangeError('the information matrix is singular');
    for (let k = 0; k < 2 * n; k++) p[k] = (p[k] as number) / d;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r] as number[];
      const factor = row[col] as number;
      for (let k = 0; k < 2 * n; k++) row[k] = (row[k] as number) - factor * (p[k] as number);
    }
  }
  return a.map((row) => row.slice(n));
}
