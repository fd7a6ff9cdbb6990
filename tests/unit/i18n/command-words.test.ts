// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COMMANDS, REGISTERED_COMMANDS, type CommandInfo } from '../../../src/editor/index.ts';
import { HOST_COMMANDS } from '../../../src/editor/commands/host-commands.ts';
import { commandHelp, commandLabel } from '../../../src/features/editor/command-words.ts';
import { ENGLISH_MESSAGES, loadMessages } from '../../../src/i18n/load-messages.ts';
import { testIntl } from '../../support/test-intl.ts';

const english = await testIntl('en');
const french = await testIntl('fr');
const frenchMessages = await loadMessages('fr');

const everyCommand: readonly CommandInfo[] = [
  ...Object.values(COMMANDS),
  ...Object.values(HOST_COMMANDS),
];

describe('editor commands in French and English', () => {
  it.each(everyCommand.map((c) => [c.id, c] as const))(
    '%s has a name and a help line in both languages',
    (id, command) => {
      expect(commandLabel(english, id)).toBe(command.label);
      expect(commandHelp(english, id)).toBe(command.description ?? command.label);
      expect(commandLabel(french, id)).not.toBe('');
      expect(commandHelp(french, id)).not.toBe('');
      const help = `command.${id}.help`;
      expect(help in frenchMessages).toBe(command.description !== undefined);
    },
  );

  it('names the toolbar and the keyboard help in French', () => {
    const toolbar = REGISTERED_COMMANDS.filter((c) => c.toolbar === true).map((c) =>
      commandLabel(french, c.id),
    );
    expect(toolbar).toContain('Ajuster la vue');
    expect(commandHelp(french, 'help')).toBe('Afficher ces raccourcis');
  });

  it('holds no command id that no command has', () => {
    const ids = new Set(everyCommand.map((c) => c.id));
    const named = Object.keys(ENGLISH_MESSAGES)
      .filter((id) => id.startsWith('command.'))
      .map((id) => id.slice('command.'.length).replace(/\.help$/, ''));
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
