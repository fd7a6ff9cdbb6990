import { safeFileName } from '../domain/text/safe-text.ts';

/**
 * Starts a browser download of `text` as a file. The name is made safe here, once for every
 * download: names come from journeys and sets, which users (and imported files) name freely.
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/**
 * Starts a browser download of text that arrives in parts (a profile set, a chunk at a time).
 * Each part goes into a Blob as it arrives, so the page never holds the whole text as one string.
 */
export async function downloadParts(
  fileName: string,
  parts: AsyncIterable<string>,
  type = 'application/json',
): Promise<void> {
  const blobs: Blob[] = [];
  for await (const part of parts) blobs.push(new Blob([part]));
  downloadBlob(fileName, new Blob(blobs, { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
