import { hostSimulation } from './simulation-host.ts';

hostSimulation(self);
