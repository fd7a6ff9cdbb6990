import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_TRANSACTION, statementsOf } from '../../../src/executor/db/migrate.ts';

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
    expect(statementsOf(sql)).toEqual([
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
    expect(statementsOf(sql)).toHaveLength(2);
  });
});
