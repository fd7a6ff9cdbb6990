import { safeFileName } from '../domain/text/safe-text.ts';

/**
 * Starts a browser download of `text` as a file. The name is made safe here, once for every
 * download: names come from journeys and sets, which users (and imported files) name freely.
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
