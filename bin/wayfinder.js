#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx wayfinder` works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');

// A reader that went away (`wayfinder schema | head -1`) is not an error, as for any Unix tool:
// the rest of the output is dropped and the command ends with its own exit code.
const closed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr']) {
  process[name].on('error', (error) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed[name] = true;
    else throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => {
    if (!closed.stdout) process.stdout.write(text);
  },
  stderr: (text) => {
    if (!closed.stderr) process.stderr.write(text);
  },
  cwd: process.cwd(),
});
