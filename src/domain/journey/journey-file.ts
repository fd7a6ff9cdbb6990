import type { JourneyDocument } from './journey-schema.ts';

/** A file name made from the journey's name: `welcome-series.journey.json`. */
export function journeyFileName(document: JourneyDocument): string {
  const slug = document.name
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'journey'}.journey.json`;
}

/** The journey document as a file: what the journey list and the editor export, and import reads. */
export function journeyToFileText(document: JourneyDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
