/** A small client of the executor's HTTP API for the tests. */
export class ExecutorClient {
  constructor(
    readonly url: string,
    private readonly token = '',
  ) {}

  async call<T = unknown>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.token === '' ? {} : { Authorization: `Bearer ${this.token}` }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  async ok<T = unknown>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const r = await this.call<T>(method, path, body, headers);
    if (r.status >= 300)
      throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  setClock(to: number) {
    return this.ok<{ now: string; processed: number }>('POST', '/admin/clock', { to });
  }

  advance(advanceMs: number) {
    return this.ok<{ now: string; processed: number }>('POST', '/admin/clock', { advanceMs });
  }

  publish(journeyId: string, spec: unknown, key: string) {
    return this.call<{ version: number }>(
      'POST',
      `/journeys/${encodeURIComponent(journeyId)}/versions`,
      { spec },
      {
        'Idempotency-Key': key,
      },
    );
  }

  async putProfiles(profiles: readonly { id: string; attributes: unknown }[]): Promise<void> {
    for (let i = 0; i < profiles.length; i += 20)
      await Promise.all(
        profiles
          .slice(i, i + 20)
          .map((p) =>
            this.ok('PUT', `/profiles/${encodeURIComponent(p.id)}`, { attributes: p.attributes }),
          ),
      );
  }

  async postEvents(
    events: readonly { id: string; profileId: string; name: string; at: number; props?: unknown }[],
  ) {
    for (let i = 0; i < events.length; i += 1000)
      await this.ok('POST', '/events', { events: events.slice(i, i + 1000) });
  }
}
