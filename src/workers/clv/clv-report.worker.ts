import { hostClvReport } from './clv-report-host.ts';

hostClvReport(self);
