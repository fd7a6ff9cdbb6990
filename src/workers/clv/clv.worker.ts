import '../shared/no-eval.ts';
import { hostClv } from './clv-host.ts';

hostClv(self);
