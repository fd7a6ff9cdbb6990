import { runGenerateJob } from './profiles-generate-job.ts';
import { hostProfilesJob } from './profiles-job-host.ts';

hostProfilesJob(self, runGenerateJob);
