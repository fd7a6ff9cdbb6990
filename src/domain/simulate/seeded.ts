import { hashSeed } from '../profiles/random.ts';

/** Independent random streams per profile; fixed numbers so results never change between versions. */
export const STREAM = {
  behaviour: 2,
  trace: 3,
} as const;

const TWO_32 = 4294967296;

function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a string: profile ids hash once per profile. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Continues an FNV-1a hash over more text: `hashMore(hashText(a), b) === hashText(a + b)`. */
export function hashMore(h: number, text: string): number {
  let x = h;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x >>> 0;
}

/** The 32-bit hash of a run's seed. */
export function seedHash(seed: number | string): number {
  return hashSeed(seed);
}

/** A 32-bit hash of (seed, profile, stream); the same at any partitioning of the profiles. */
export function hash3(seed: number, profile: number, stream: number): number {
  return fmix32(fmix32(seed ^ Math.imul(stream + 1, 0x9e3779b9)) ^ fmix32(profile + 0x632be5ab));
}

/** A uniform number in [0, 1) from (seed, profile, stream). */
export function uniform3(seed: number, profile: number, stream: number): number {
  return hash3(seed, profile, stream) / TWO_32;
}

/**
 * One reusable generator (sfc32) reseeded per profile, so a profile's draws depend only on the
 * seed and its id. Holding the state in fields keeps draws allocation-free.
 */
export class ProfileRandom {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 1;

  /** Restarts the sequence for one profile stream. */
  reseed(seed: number, profile: number, stream: number): void {
    this.a = hash3(seed, profile, stream) | 0;
    this.b = fmix32(this.a ^ 0xdeadbeef) | 0;
    this.c = fmix32(this.b ^ 0x41c64e6d) | 0;
    this.d = 1;
    for (let i = 0; i < 8; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    // Each field read once and written once: fewer bytecodes, so V8 inlines more of a send's draws.
    const { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / TWO_32;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return mean <= 0 ? 0 : -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream simple). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
