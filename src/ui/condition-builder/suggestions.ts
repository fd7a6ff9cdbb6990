import { type AttributeValueType, BUILT_IN_ATTRIBUTES } from '../../domain/index.ts';

/** Names offered for autocompletion, e.g. gathered from the stored profiles. */
export interface Suggestions {
  attributes: readonly string[];
  events: readonly string[];
  /** Known value types of attributes, so picking one also picks fitting operators. */
  attributeTypes?: Readonly<Record<string, AttributeValueType>>;
}

export interface AttributeOption {
  path: string;
  label?: string;
}

/** Built-in attributes first, then suggested ones not already listed. */
export function attributeOptions(suggestions: Suggestions | undefined): AttributeOption[] {
  const out: AttributeOption[] = BUILT_IN_ATTRIBUTES.map((a) => ({ path: a.path, label: a.label }));
  const seen = new Set(out.map((a) => a.path));
  for (const path of suggestions?.attributes ?? []) {
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path });
  }
  return out;
}

/** The value type of an attribute path when it is known. */
export function knownAttributeType(
  path: string,
  suggestions: Suggestions | undefined,
): AttributeValueType | undefined {
  return (
    suggestions?.attributeTypes?.[path] ??
    BUILT_IN_ATTRIBUTES.find((a) => a.path === path)?.valueType
  );
}
