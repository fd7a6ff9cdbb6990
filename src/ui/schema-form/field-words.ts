import type { IntlShape } from 'react-intl';
import { humanise, singular } from './humanise.ts';

/**
 * How a schema form names its fields and options in the user's language. A form drawn from a
 * schema knows only keys and enum values; the catalogue names them by those: `field.<key>`,
 * `field.<key>.one` (one row of a list: "Variant"), `option.<value>`. A key the catalogue does
 * not name yet is spelled out from the key, in English.
 */
export interface FieldWords {
  label(key: string, fallback: string): string;
  one(key: string, label: string): string;
  option(value: string): string;
}

export function fieldWords(intl: IntlShape): FieldWords {
  const known = (id: string) => intl.messages[id] !== undefined;
  const say = (id: string, fallback: string) => (known(id) ? intl.formatMessage({ id }) : fallback);
  return {
    // A label the schema gives itself (`.meta({ title })`) is kept.
    label: (key, fallback) =>
      key === '' || fallback !== humanise(key) ? fallback : say(`field.${key}`, fallback),
    one: (key, label) => say(`field.${key}.one`, singular(label)),
    option: (value) => say(`option.${value}`, humanise(value)),
  };
}
