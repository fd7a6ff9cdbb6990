/**
 * Fader & Hardie's CDNOW sample (2,357 customers' purchases, 1997–98), served from
 * public/data/cdnow: fetched only when asked for, never part of a bundle.
 */
export const CDNOW_SAMPLE_URL = `${import.meta.env.BASE_URL}data/cdnow/CDNOW_sample.txt`;
export const CDNOW_SAMPLE_NAME = 'CDNOW sample';

/** Downloads the CDNOW sample as a file to import; rejects with a sentence when it cannot. */
export async function fetchCdnowSample(): Promise<File> {
  let response: Response;
  try {
    response = await fetch(CDNOW_SAMPLE_URL);
  } catch {
    throw new Error('The CDNOW sample could not be downloaded. Check your connection.');
  }
  if (!response.ok) {
    throw new Error(`The CDNOW sample could not be downloaded (HTTP ${response.status}).`);
  }
  return new File([await response.arrayBuffer()], 'CDNOW_sample.txt', { type: 'text/plain' });
}
