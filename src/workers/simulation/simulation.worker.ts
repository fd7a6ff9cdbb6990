import '../shared/no-eval.ts';
import { hostSimulation } from './simulation-host.ts';

hostSimulation(self);
