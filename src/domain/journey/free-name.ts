/**
 * The first of `nameFor(1)`, `nameFor(2)`, … that is not in `taken`: a copy is told apart from
 * the journey it came from and from the copies before it ("Welcome (copy)", "Welcome (copy 2)").
 * The caller words the names, in the reader's language: the domain writes no sentence.
 */
export function firstFreeName(taken: ReadonlySet<string>, nameFor: (n: number) => string): string {
  // Of taken.size + 1 different names at least one is free: the loop always ends.
  for (let n = 1; n <= taken.size; n += 1) {
    const name = nameFor(n);
    if (!taken.has(name)) return name;
  }
  return nameFor(taken.size + 1);
}
