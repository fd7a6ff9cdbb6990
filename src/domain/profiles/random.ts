/**
 * A small, fast, seeded pseudo-random generator (sfc32) with the distributions the profile
 * generator and the simulator need. Same seed, same sequence, on every platform.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Standard normal (mean 0, sd 1). */
  normal(): number;
  /** Gamma with the given shape and scale (mean = shape × scale). */
  gamma(shape: number, scale: number): number;
  /** Poisson with mean `lambda`. */
  poisson(lambda: number): number;
  /** Lognormal: exp(mu + sigma × normal()). */
  lognormal(mu: number, sigma: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** A uniformly chosen element; the list must not be empty. */
  pick<T>(items: readonly T[]): T;
}

/** Hashes a number or a string to a 32-bit seed (FNV-1a on strings, splitmix-style on numbers). */
export function hashSeed(seed: number | string): number {
  if (typeof seed === 'string') {
    let h = 0x811c9dc5;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }
  return mix32(Math.floor(seed) >>> 0) ^ mix32(Math.floor(seed / 0x100000000) >>> 0);
}

/** Combines a seed with a stream number into a new seed, so streams are independent. */
export function deriveSeed(seed: number | string, stream: number): number {
  return mix32((hashSeed(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);
}

function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Creates a seeded generator. */
export function createRandom(seed: number | string): Random {
  return new Sfc32(hashSeed(seed));
}

/** sfc32 with the distributions on top. A class, so making one per profile allocates no closures. */
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    this.a = seed;
    this.b = mix32(seed ^ 0xdeadbeef);
    this.c = mix32(this.b ^ 0x41c64e6d);
    // Warm up: the first outputs of sfc32 from similar seeds are correlated.
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    const c = (this.c << 21) | (this.c >>> 11);
    this.c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(): number {
    if (this.spareNormal !== undefined) {
      const s = this.spareNormal;
      this.spareNormal = undefined;
      return s;
    }
    // Marsaglia's polar method: draw points in the unit disc until one lands inside.
    for (;;) {
      const u = this.next() * 2 - 1;
      const v = this.next() * 2 - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      this.spareNormal = v * m;
      return u * m;
    }
  }

  gamma(shape: number, scale: number): number {
    if (shape <= 0) return 0;
    if (shape < 1) {
      // Boost: Gamma(k) = Gamma(k + 1) × U^(1/k).
      return this.gamma(shape + 1, scale) * Math.pow(1 - this.next(), 1 / shape);
    }
    // Marsaglia and Tsang.
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      const x = this.normal();
      const w = 1 + cc * x;
      if (w <= 0) continue;
      const v = w * w * w;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v * scale;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v * scale;
    }
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  }
}

/** A weighted choice table built once and sampled in O(log n). */
export interface WeightedTable<T> {
  sample(random: Random): T;
}

/** Builds a {@link WeightedTable} from `[item, weight]` pairs (weights need not sum to 1). */
export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  if (entries.length === 0) throw new RangeError('weightedTable() needs at least one entry');
  const items = entries.map(([item]) => item);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return {
    sample(random) {
      const target = random.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      return items[lo] as T;
    },
  };
}
