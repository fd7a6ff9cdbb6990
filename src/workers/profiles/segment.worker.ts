import { hostSegmentCount } from './segment-host.ts';

hostSegmentCount(self);
