import '../shared/no-eval.ts';
import { hostSegmentCount } from './segment-host.ts';

hostSegmentCount(self);
