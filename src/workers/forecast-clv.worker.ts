import { hostClv } from './forecast-clv-host.ts';

hostClv(self);
