/**
 * An array's `[` opening a profiles file: a profiles file is an array of objects, so after spaces
 * comes `{`, the `]` of an empty array, or the end of the head read. A CSV whose first cell is
 * `[` and anything else (`[vip]`, `[1] id`, `[2024 orders]`, `["a"]`) is a CSV header.
 */
const JSON_ARRAY_START = /^\[\s*(?:$|[\]{])/;

/**
 * Whether the head of a profiles file, decoded, is JSON (an array, an object, NDJSON) rather
 * than CSV or CDNOW data: its first character after any byte-order mark and space is `{`, or `[`
 * opening an array of objects. The app's import dialog and the CLI both decide by it. A CSV whose
 * first cell starts with `[` (`[vip] id,email`) is CSV; one whose first cell starts with `{` is
 * read as JSON, which then says where it is malformed: no CSV header seen in practice starts so,
 * and broken JSON objects (`{ id: 1 }`) do.
 */
export function startsLikeJson(head: string): boolean {
  // trimStart takes byte-order marks (U+FEFF) and no-break spaces too.
  const body = head.trimStart();
  return body.startsWith('{') || JSON_ARRAY_START.test(body);
}
