/**
 * Ids only the lazily loaded pages use (forecast, customer value, lifecycle, profiles and
 * imports, the simulations list). English ships them apart from the first load, in
 * `virtual:wayfinder-messages/en/pages`, fetched with the page that needs them; the journey list
 * and the editor never wait for them. Other languages are lazy chunks already, pages included.
 */
export const PAGE_MESSAGE_ID =
  /^(forecast\.|lifecycle\.lifecycle-page\.|import\.|sim\.simulations-page\.|profiles\.(?!segment))/;

/**
 * Ids only a finished simulation's lazy result view uses (its figures, charts, tables, warnings
 * and trace): English ships them with that view, in `virtual:wayfinder-messages/en/results`, and
 * with the forecast page, which draws the same sends chart.
 */
export const RESULT_MESSAGE_ID =
  /^(trace\.|sim\.(trace-viewer|result-kpis|result-tables|run-warnings|suppression|charts)\.)/;

/**
 * Ids only the live counts use (the bar, its chart and each step's pill, all lazily loaded):
 * English ships them with them, in `virtual:wayfinder-messages/en/live`.
 */
export const LIVE_MESSAGE_ID = /^live\./;

/**
 * Ids only publishing uses (the header's export, backend and publish actions, their dialogs, and
 * the banner of two versions compared, all lazily loaded): English ships them with them, in
 * `virtual:wayfinder-messages/en/publish`.
 */
export const PUBLISH_MESSAGE_ID = /^publish\./;
