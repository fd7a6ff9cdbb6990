import '../shared/no-eval.ts';
import { runImportJob } from './import-job.ts';
import { hostProfilesJob } from './job-host.ts';
import { importRequestSchema } from './profiles-protocol.ts';

hostProfilesJob(self, importRequestSchema, runImportJob);
