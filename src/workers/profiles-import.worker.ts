import { hostProfilesJob } from './profiles-job-host.ts';
import { runImportJob } from './profiles-import-job.ts';

hostProfilesJob(self, runImportJob);
