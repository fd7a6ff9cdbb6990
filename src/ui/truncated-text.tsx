import { displayName } from '../domain/text/safe-text.ts';
import './truncated-text.css';

/**
 * A user-given name on one line: cut with an ellipsis at the width its container allows (at most
 * `--truncate-width`), the whole name on hover, bidi formatting characters removed and the text
 * isolated from its surroundings (`<bdi>`), so a name can neither widen a table nor reorder it.
 */
export function TruncatedText({ text, fallback = '' }: { text: string; fallback?: string }) {
  const shown = displayName(text) || fallback;
  return (
    <bdi className="truncated-text" title={shown}>
      {shown}
    </bdi>
  );
}
