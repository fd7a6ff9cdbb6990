/**
 * Fader & Hardie's CDNOW sample (2,357 customers' purchases, 1997–98), served from
 * public/data/cdnow: fetched only when asked for, never part of a bundle.
 */
export const CDNOW_SAMPLE_URL = `${import.meta.env.BASE_URL}data/cdnow/CDNOW_sample.txt`;
export const CDNOW_SAMPLE_NAME = 'CDNOW sample';

/** The sample could not be downloaded: `status` is the HTTP status, null when nothing answered. */
export class SampleDownloadError extends Error {
  constructor(readonly status: number | null) {
    super(
      status === null
        ? 'The CDNOW sample could not be downloaded. Check your connection.'
        : `The CDNOW sample could not be downloaded (HTTP ${status}).`,
    );
    this.name = 'SampleDownloadError';
  }
}

/** Downloads the CDNOW sample as a file to import; rejects with a {@link SampleDownloadError}. */
export async function fetchCdnowSample(): Promise<File> {
  let response: Response;
  try {
    response = await fetch(CDNOW_SAMPLE_URL);
  } catch {
    throw new SampleDownloadError(null);
  }
  if (!response.ok) throw new SampleDownloadError(response.status);
  return new File([await response.arrayBuffer()], 'CDNOW_sample.txt', { type: 'text/plain' });
}
