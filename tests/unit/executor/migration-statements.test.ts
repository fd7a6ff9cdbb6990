import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MigrationSplitError,
  NO_TRANSACTION,
  statementsOf,
} from '../../../src/executor/db/migrate.ts';

/**
 * A migration run outside a transaction goes to Postgres one statement per query: several in one
 * query run in one implicit transaction, where `create index concurrently` is refused.
 */
describe('the statements of a migration run outside a transaction', () => {
  it('are split at each semicolon ending a line, comments left out', () => {
    const sql = `${NO_TRANSACTION}
-- why, over two
-- lines
drop index concurrently if exists a_by_b;
create index concurrently a_by_b
  on a (b);

`;
    expect(statementsOf(sql, '011-a.sql')).toEqual([
      'drop index concurrently if exists a_by_b',
      'create index concurrently a_by_b\n  on a (b)',
    ]);
  });

  it('give 010 its two statements, so its index is built outside a transaction', () => {
    const sql = readFileSync(
      new URL('../../../src/executor/db/migrations/010-events-by-time.sql', import.meta.url),
      'utf8',
    );
    expect(sql.startsWith(NO_TRANSACTION)).toBe(true);
    expect(statementsOf(sql, '010-events-by-time.sql')).toHaveLength(2);
  });

  it('are split the same in a file saved with Windows line endings', () => {
    const sql = `${NO_TRANSACTION}\r\n-- why\r\ndrop index concurrently if exists a_by_b;\r\ncreate index concurrently a_by_b\r\n  on a (b);\r\n`;
    expect(statementsOf(sql, '011-a.sql')).toEqual([
      'drop index concurrently if exists a_by_b',
      'create index concurrently a_by_b\n  on a (b)',
    ]);
  });

  it.each([
    ['a string', `update a set b = 'x;\ny';`],
    ['a quoted name', `create index concurrently "a;\nb" on a (b);`],
    ['a dollar-quoted body', `do $$ begin perform 1;\nend $$;`],
    ['a tagged dollar-quoted body', `do $go$ begin perform 1;\nend $go$;`],
  ])(
    'are refused, naming the file, when one holds %s, which a split at semicolons could cut',
    (_, body) => {
      const split = () => statementsOf(`${NO_TRANSACTION}\n${body}\n`, '011-quoted.sql');
      expect(split).toThrow(MigrationSplitError);
      expect(split).toThrow(
        expect.objectContaining({ file: '011-quoted.sql', problem: 'quoted_text' }),
      );
    },
  );
});
