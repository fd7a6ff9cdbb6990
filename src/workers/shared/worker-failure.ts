/**
 * What to tell the user when a worker reports a failure instead of an answer: its `error` event
 * (an exception it did not catch, or a plain `Event` with no message when its script did not
 * load) or a `messageerror` (a message that could not be deserialised).
 */
export function workerFailureMessage(worker: string, event: Event): string {
  if (event.type === 'messageerror')
    return `${worker} failed: a message between the page and the worker could not be read`;
  const { message, filename, lineno, error } = event as Partial<ErrorEvent>;
  if (typeof message === 'string' && message !== '') {
    const where =
      typeof filename === 'string' && filename !== ''
        ? ` (${filename}${typeof lineno === 'number' && lineno > 0 ? `:${lineno}` : ''})`
        : '';
    return `${worker} failed: ${message}${where}`;
  }
  if (error instanceof Error && error.message !== '') return `${worker} failed: ${error.message}`;
  return `${worker} could not start: its script did not load (if the app was updated since this page opened, reload the page)`;
}
