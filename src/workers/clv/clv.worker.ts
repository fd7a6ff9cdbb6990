import { hostClv } from './clv-host.ts';

hostClv(self);
