/** The last text copied here, for browsers that refuse clipboard access (or tests). */
let memory = '';

/** Writes text to the system clipboard, keeping a copy in memory as a fallback. */
export async function writeClipboardText(text: string): Promise<void> {
  memory = text;
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    // Permission refused or no secure context: the in-memory copy still serves pastes here.
  }
}

/** Reads the system clipboard, or the in-memory copy when that is not allowed. */
export async function readClipboardText(): Promise<string> {
  try {
    const text = await navigator.clipboard?.readText();
    if (typeof text === 'string' && text !== '') return text;
  } catch {
    // Same fallback as above.
  }
  return memory;
}
