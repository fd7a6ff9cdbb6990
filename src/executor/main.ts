// `npm run executor`: the reference executor from environment variables (see src/executor/README.md).
import { configFromEnv } from './config.ts';
import { startExecutor } from './executor.ts';

const running = await startExecutor(configFromEnv(process.env));
const stop = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
