import type { IntlShape } from 'react-intl';

/*
 * Commands in the user's language. A registered command keeps an English label for tests and
 * logs; the toolbar, the help dialog and undo's hover text name it from the catalogue by its
 * id: `command.<id>` and, for the help dialog's line, `command.<id>.help`.
 */

/** A command's name, e.g. "Fit view", « Ajuster la vue ». */
export function commandLabel(intl: IntlShape, id: string): string {
  return intl.formatMessage({ id: `command.${id}` });
}

/** A command's line in the keyboard help: its own help text, else its name. */
export function commandHelp(intl: IntlShape, id: string): string {
  const help = `command.${id}.help`;
  return intl.messages[help] === undefined
    ? commandLabel(intl, id)
    : intl.formatMessage({ id: help });
}
