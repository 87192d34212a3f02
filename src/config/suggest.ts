// "Did you mean ...?" for misspelt keys, rule ids and values.

/** The closest candidate to a misspelt word, when one is close enough to be what was meant. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = normalize(word);
  if (w.length === 0) return undefined;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of [...candidates].sort()) {
    const c = normalize(candidate);
    let distance = editDistance(w, c);
    if (w.length >= 3 && (c.startsWith(w) || w.startsWith(c))) distance = Math.min(distance, 1);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best || best.candidate === word) return undefined;
  return best.distance <= Math.max(2, Math.floor(w.length / 3)) ? best.candidate : undefined;
}

function normalize(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const prev = d[i - 1] as number[];
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
