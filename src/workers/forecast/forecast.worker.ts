import { hostForecast } from './forecast-host.ts';

hostForecast(self);
