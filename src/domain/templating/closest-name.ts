/** Edit distance with adjacent swaps counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/**
 * The known name closest to `wanted`, or undefined when nothing is close enough to be a typo.
 * Case is ignored; a bare name (`first_name`) is also compared with each known name's last part
 * (`profile.first_name`). Ties go to the first candidate, so callers list the likeliest first.
 */
export function closestName(wanted: string, candidates: readonly string[]): string | undefined {
  const w = wanted.toLowerCase();
  const bare = !w.includes('.');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const whole = editDistance(w, c);
    const distance = bare ? Math.min(whole, editDistance(w, lastSegment(c))) : whole;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const compared = bare ? w : lastSegment(w);
  const allowed = Math.max(1, Math.min(3, Math.floor(compared.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}
