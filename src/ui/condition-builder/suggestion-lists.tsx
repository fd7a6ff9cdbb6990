import { useMemo } from 'react';
import { attributeOptions, type Suggestions } from './suggestions.ts';

export interface SuggestionListsProps {
  suggestions: Suggestions | undefined;
  eventListId: string;
  /** Omit to draw only the event list. */
  attributeListId?: string;
}

/** The `<datalist>`s that event and attribute inputs point at with `list`. */
export function SuggestionLists({
  suggestions,
  eventListId,
  attributeListId,
}: SuggestionListsProps) {
  const attributes = useMemo(() => attributeOptions(suggestions), [suggestions]);
  return (
    <>
      <datalist id={eventListId}>
        {(suggestions?.events ?? []).map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      {attributeListId !== undefined && (
        <datalist id={attributeListId}>
          {attributes.map((a) => (
            <option key={a.path} value={a.path}>
              {a.label}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
}
