import { runGenerateJob } from './generate-job.ts';
import { hostProfilesJob } from './job-host.ts';

hostProfilesJob(self, runGenerateJob);
