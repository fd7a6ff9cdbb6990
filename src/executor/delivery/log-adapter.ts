import { appendFile } from 'node:fs/promises';
import type { DeliveryAdapter, OutboxSend } from './adapter.ts';

/**
 * Development stand-in for email, SMS, push, in-app, call-centre and direct-mail providers: one
 * JSON line per send, to a file or stdout. A real provider replaces it behind the same interface.
 */
export function logAdapter(file: string): DeliveryAdapter {
  return {
    name: 'log',
    perSend: false,
    handles: (channel) => channel !== 'webhook',
    async deliver(sends: readonly OutboxSend[]) {
      const lines = sends
        .map((s) =>
          JSON.stringify({
            delivered: s.channel,
            key: s.idempotencyKey,
            profileId: s.profileId,
            journeyId: s.journeyId,
            stepId: s.stepId,
            at: new Date(s.at).toISOString(),
            content: s.payload.content,
          }),
        )
        .join('\n');
      if (lines === '') return;
      if (file === '') process.stdout.write(`${lines}\n`);
      else await appendFile(file, `${lines}\n`);
    },
  };
}
