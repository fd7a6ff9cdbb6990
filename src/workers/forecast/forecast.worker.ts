import '../shared/no-eval.ts';
import { hostForecast } from './forecast-host.ts';

hostForecast(self);
