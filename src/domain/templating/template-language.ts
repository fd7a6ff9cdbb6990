/**
 * The template language every customer-facing text is written in, named in the spec so an
 * executor knows exactly which dialect and engine version the preview used.
 */
export const TEMPLATE_LANGUAGE = {
  language: 'liquid',
  /** The engine the preview, the simulator and the reference executor render with. */
  engine: 'liquidjs',
  /** Kept by hand: liquidjs's browser build does not fill in its own `version` export. */
  engineVersion: '10.31.0',
} as const;
