import { hostProfilesJob } from './job-host.ts';
import { runImportJob } from './import-job.ts';

hostProfilesJob(self, runImportJob);
