/**
 * Bidirectional formatting characters: embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) and the invisible marks (U+200E, U+200F, U+061C). A right-to-left override
 * inside a name makes "gnp.exe" look like "exe.png"; none of them belongs in a name.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** C0 and C1 control characters, which no file system or name should see. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;
/** Characters file systems refuse or read as paths. */
const FILE_NAME_RESERVED = /[<>:"/\\|?*]/g;

/** The text without bidi formatting characters, so it shows in the order it is stored. */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * A name safe to show: no bidi formatting or control characters (a tab or line break becomes a
 * space), surrounding white space trimmed.
 */
export function displayName(name: string): string {
  return neutraliseBidi(name).replace(CONTROL_CHARACTERS, ' ').trim();
}

/** The longest file name offered, extension included (common file systems allow 255 bytes). */
export const MAX_FILE_NAME_LENGTH = 120;

/**
 * A download file name from any text: no bidi or control characters, no path separators or
 * reserved characters, no leading dots, at most {@link MAX_FILE_NAME_LENGTH} characters with
 * the extension kept. `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'download'): string {
  const clean = displayName(name)
    .replace(FILE_NAME_RESERVED, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+/, '');
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  const stem = (ext ? clean.slice(0, dot) : clean).slice(0, MAX_FILE_NAME_LENGTH - ext.length);
  return stem.trim() === '' ? `${fallback}${ext}` : `${stem.trim()}${ext}`;
}
