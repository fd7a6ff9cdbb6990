/** Query keys hold the base URL (another backend, other data) but never the token. */
export const apiKeys = {
  all: (baseUrl: string) => ['backend', baseUrl] as const,
  journey: (baseUrl: string, journeyId: string) =>
    ['backend', baseUrl, 'journey', journeyId] as const,
  versions: (baseUrl: string, journeyId: string) =>
    ['backend', baseUrl, 'journey', journeyId, 'versions'] as const,
  version: (baseUrl: string, journeyId: string, version: number) =>
    ['backend', baseUrl, 'journey', journeyId, 'versions', version] as const,
  status: (baseUrl: string, journeyId: string) =>
    ['backend', baseUrl, 'journey', journeyId, 'status'] as const,
};
