/**
 * How an SMS is encoded and split, as carriers do it (3GPP TS 23.038 / 23.040):
 * - GSM-7 when every character is in the GSM 03.38 alphabet: 160 septets in one part, 153 per
 *   part when split (the rest carries the concatenation header). Characters of the extension
 *   table (`€`, `[`, `{`, …) take two septets and are never split across parts.
 * - Otherwise UCS-2 (UTF-16): 70 code units in one part, 67 per part when split; a character
 *   outside the basic plane (most emoji) takes two units and is never split either.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsParts {
  encoding: SmsEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** Parts billed and delivered; 0 for an empty text. */
  parts: number;
  /** Units a single part holds, and a part of a split message. */
  single: number;
  perPart: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

/** Septets a character takes in GSM-7, or 0 when GSM-7 cannot carry it. */
function septets(char: string): number {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return 0;
}

/** The encoding a text needs: GSM-7 when the GSM alphabet holds every character. */
export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (septets(char) === 0) return 'UCS-2';
  return 'GSM-7';
}

/** Parts of `sizes` (units per indivisible character) when each part holds `perPart` units. */
function splitParts(sizes: readonly number[], perPart: number): number {
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perPart) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return parts;
}

/** Encoding, length and parts of an SMS text. */
export function smsParts(text: string): SmsParts {
  const encoding = smsEncoding(text);
  const chars = Array.from(text);
  const sizes = chars.map((c) => (encoding === 'GSM-7' ? septets(c) : c.length));
  const units = sizes.reduce((a, b) => a + b, 0);
  const [single, perPart] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  const parts = units === 0 ? 0 : units <= single ? 1 : splitParts(sizes, perPart);
  return { encoding, characters: chars.length, units, parts, single, perPart };
}

/** The characters that force UCS-2, each once, in order of appearance. */
export function nonGsmCharacters(text: string): string[] {
  return [...new Set(Array.from(text).filter((c) => septets(c) === 0))];
}
