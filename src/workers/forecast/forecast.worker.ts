import '../shared/no-eval.ts';
import * as liquid from 'liquidjs';
import { installTemplateEngine } from '../../domain/templating/liquid-engine.ts';
import { hostForecast } from './forecast-host.ts';

// Simulated SMS are billed per part of each profile's rendered text.
installTemplateEngine(liquid, () => performance.now());
hostForecast(self);
