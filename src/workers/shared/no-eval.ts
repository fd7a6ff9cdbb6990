import { z } from 'zod';

/**
 * zod 4 compiles object parsers with `new Function` unless told not to, and probes for it even
 * when it cannot; under the app's Content-Security-Policy (no 'unsafe-eval') every probe is a
 * reported violation. Imported first by the page's entry and by every worker entry.
 */
z.config({ jitless: true });
