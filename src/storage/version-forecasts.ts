import { versionForecastSchema, type VersionForecast } from '../domain/live/version-forecast.ts';

/**
 * Forecasts of published versions, kept in localStorage (small: a few numbers per step and per
 * day) under the backend's URL, the journey and the version, so live counts keep their forecast
 * across reloads. A record that no longer parses is dropped: the forecast can be run again.
 */
const PREFIX = 'wayfinder.versionForecast';

const keyOf = (baseUrl: string, journeyId: string, version: number) =>
  `${PREFIX}:${baseUrl}:${journeyId}:${version}`;

function store(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The stored forecast of a version, if its spec is still the one it was run on. */
export function readVersionForecast(
  baseUrl: string,
  journeyId: string,
  version: number,
  specHash: string,
): VersionForecast | null {
  const text = store()?.getItem(keyOf(baseUrl, journeyId, version));
  if (text == null) return null;
  try {
    const parsed = versionForecastSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.specHash === specHash ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps a version's forecast; false when the browser refuses (storage full or blocked). */
export function saveVersionForecast(baseUrl: string, forecast: VersionForecast): boolean {
  try {
    store()?.setItem(
      keyOf(baseUrl, forecast.journeyId, forecast.version),
      JSON.stringify(forecast),
    );
    return true;
  } catch {
    return false;
  }
}
