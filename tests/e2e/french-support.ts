import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Page } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const french: Record<string, string> = JSON.parse(
  readFileSync(path.resolve(here, '../../src/i18n/messages/fr.json'), 'utf8'),
);

/** A word as the scan sees one: letters, with inner apostrophes and hyphens. */
const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;
const words = (text: string) =>
  (
    text
      .normalize('NFC')
      // A key of a shortcut ("Maj+L") is a key, not a word.
      .replace(/(?<=\+)\p{Lu}\b/gu, '')
      .replace(/[\u2010\u2011]/g, '-')
      .match(WORD) ?? []
  ).map((w) => w.toLocaleLowerCase('fr'));

function literalText(elements: MessageFormatElement[], into: string[]): void {
  for (const element of elements) {
    if (element.type === TYPE.literal) into.push(element.value);
    else if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) literalText(option.value, into);
    else if (element.type === TYPE.tag) literalText(element.children, into);
  }
}

/** Every word the French catalogue writes (not its argument names). */
const FRENCH_WORDS = new Set(
  Object.values(french).flatMap((message) => {
    const parts: string[] = [];
    literalText(parse(message), parts);
    return parts.flatMap(words);
  }),
);

/** What Intl itself writes in French: month and day names, relative times ("il y a 5 minutes"). */
function intlWords(): string[] {
  const out: string[] = [];
  for (let month = 0; month < 12; month++) {
    for (const style of ['long', 'short'] as const)
      out.push(new Intl.DateTimeFormat('fr', { month: style }).format(Date.UTC(2024, month, 15)));
  }
  for (let day = 0; day < 7; day++)
    out.push(new Intl.DateTimeFormat('fr', { weekday: 'long' }).format(Date.UTC(2024, 0, 1 + day)));
  // The header's currency select shows each currency by its ISO code.
  out.push('USD', 'EUR', 'GBP');
  const relative = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });
  for (const unit of ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const)
    for (const n of [-2, -1, 0, 1, 2]) out.push(relative.format(n, unit));
  return out.flatMap(words);
}

/** Names that stay as they are in French: the product, formats, Intl's own words. */
const UNTRANSLATED = new Set([
  ...['Wayfinder', 'CSV', 'JSON', 'NDJSON', 'CDNOW', 'BG', 'NBD', 'NPS', 'CLV', 'GSM'].flatMap(
    words,
  ),
  ...intlWords(),
]);

/**
 * Every text the user typed or imported, which stays in its own language: the strings of the
 * stored journeys (names, step labels, message content — templates keep theirs in English) and
 * of the profile sets, read from the app's IndexedDB.
 */
async function userContentWords(page: Page): Promise<Set<string>> {
  const strings = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('wayfinder');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const found: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') found.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    for (const store of ['journeys', 'profileSets', 'simulationRuns']) {
      if (!db.objectStoreNames.contains(store)) continue;
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      all.forEach(walk);
    }
    db.close();
    return found;
  });
  return new Set(strings.flatMap(words));
}

/**
 * The visible texts of the page that hold a word the French catalogue never writes: English
 * left on screen. Text the user owns is allowed (see userContentWords), as are code, ids in
 * <code> and anything marked translate="no". Accessible names and placeholders count too.
 */
export async function englishOnScreen(
  page: Page,
  allowed: readonly string[] = [],
  within = 'body',
) {
  const texts = await page.evaluate((rootSelector) => {
    const roots = [...document.querySelectorAll(rootSelector)];
    const skip = 'code, kbd, samp, pre, script, style, [translate="no"], .react-flow__attribution';
    const seen: string[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim() ?? '';
        if (!parent || text === '' || parent.closest(skip)) continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        seen.push(text);
      }
      for (const element of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
        if (element.closest(skip) || !element.checkVisibility()) continue;
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = element.getAttribute(name)?.trim();
          if (value) seen.push(value);
        }
      }
    }
    return seen;
  }, within);
  const user = await userContentWords(page);
  const extra = new Set(allowed.flatMap(words));
  const unknown = (w: string) =>
    !FRENCH_WORDS.has(w) && !user.has(w) && !UNTRANSLATED.has(w) && !extra.has(w);
  return [
    ...new Set(
      texts.flatMap((text) => {
        const found = words(text).filter(unknown);
        return found.length > 0 ? [`${text}  ← ${found.join(', ')}`] : [];
      }),
    ),
  ];
}
