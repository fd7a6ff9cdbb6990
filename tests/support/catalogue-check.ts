import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** What a message needs from its caller: each argument with its kind, and its tags. */
export type MessageSignature = Record<string, string>;

function collect(elements: MessageFormatElement[], into: Map<string, Set<string>>): void {
  const add = (name: string, kind: string) => {
    const kinds = into.get(name) ?? new Set<string>();
    kinds.add(kind);
    into.set(name, kinds);
  };
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        add(element.value, 'argument');
        break;
      case TYPE.number:
        add(element.value, 'number');
        break;
      case TYPE.date:
      case TYPE.time:
        add(element.value, 'date');
        break;
      case TYPE.plural:
        add(element.value, element.pluralType === 'ordinal' ? 'selectordinal' : 'plural');
        for (const option of Object.values(element.options)) collect(option.value, into);
        break;
      case TYPE.select:
        add(element.value, `select(${Object.keys(element.options).sort().join(',')})`);
        for (const option of Object.values(element.options)) collect(option.value, into);
        break;
      case TYPE.tag:
        add(element.value, 'tag');
        collect(element.children, into);
        break;
      default:
        break;
    }
  }
}

/** The arguments and tags of an ICU message; throws on a message that does not parse. */
export function messageSignature(message: string): MessageSignature {
  const found = new Map<string, Set<string>>();
  collect(parse(message), found);
  return Object.fromEntries(
    [...found]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, kinds]) => [name, [...kinds].sort().join('|')]),
  );
}

/**
 * Every way two catalogues disagree: an id in one only, a message that does not parse, or
 * arguments and tags that differ (a French message dropping `{count}` or turning a plural into a
 * plain argument). Plural categories may differ (French has `many`); select keys may not.
 */
export function catalogueProblems(catalogues: Record<string, Record<string, string>>): string[] {
  const problems: string[] = [];
  const locales = Object.keys(catalogues);
  const ids = new Set(locales.flatMap((locale) => Object.keys(catalogues[locale] ?? {})));
  for (const id of [...ids].sort()) {
    const signatures = new Map<string, string>();
    for (const locale of locales) {
      const message = catalogues[locale]?.[id];
      if (message === undefined) {
        problems.push(`${id}: missing in ${locale}`);
        continue;
      }
      try {
        signatures.set(locale, JSON.stringify(messageSignature(message)));
      } catch (error) {
        problems.push(`${id}: does not parse in ${locale} (${String(error)})`);
      }
    }
    const distinct = new Set(signatures.values());
    if (distinct.size > 1) {
      problems.push(
        `${id}: arguments differ: ${[...signatures].map(([l, s]) => `${l} ${s}`).join(' vs ')}`,
      );
    }
  }
  return problems;
}
