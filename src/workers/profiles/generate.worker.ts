import '../shared/no-eval.ts';
import { runGenerateJob } from './generate-job.ts';
import { hostProfilesJob } from './job-host.ts';
import { generateRequestSchema } from './profiles-protocol.ts';

hostProfilesJob(self, generateRequestSchema, runGenerateJob);
