// `npm run executor`: the reference executor from environment variables (see src/executor/README.md).
import { configFromEnv } from './config.ts';
import { startExecutor, type RunningExecutor } from './executor.ts';
import { startErrorMessage } from './start-error.ts';

let running: RunningExecutor;
try {
  running = await startExecutor(configFromEnv(process.env));
} catch (error) {
  console.error(startErrorMessage(error, process.env));
  process.exit(1);
}
const stop = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
