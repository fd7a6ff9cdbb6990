import { failureReasonOf, type FailureReason } from '../../../domain/failure/failure-reason.ts';
import { useEffect, useState } from 'react';
import type { ProfileSortKey } from '../../../domain/profiles/query.ts';
import { sortRanks } from '../../../domain/profiles/table/column-sort.ts';
import type { ProfileTableColumns } from '../../../domain/profiles/table/table-columns.ts';
import { queryTable, type TableQuery } from '../../../domain/profiles/table/table-query.ts';
import { pageSlicer } from './page-slicer.ts';

/**
 * Each table's ranks per sort key, computed once (a set's table is never changed, only read
 * again): a second sort by a column, either way, is a counting sort. Not cancelled when the
 * person moves on, so a sort asked for again is not started over.
 */
const ranksByTable = new WeakMap<ProfileTableColumns, Map<ProfileSortKey, Promise<Uint32Array>>>();

function ranksOf(table: ProfileTableColumns, key: ProfileSortKey): Promise<Uint32Array> {
  let byKey = ranksByTable.get(table);
  if (byKey === undefined) {
    byKey = new Map();
    ranksByTable.set(table, byKey);
  }
  let ranks = byKey.get(key);
  if (ranks === undefined) {
    ranks = sortRanks(table, key, pageSlicer());
    byKey.set(key, ranks);
  }
  return ranks;
}

function isEverything(query: TableQuery): boolean {
  return query.filter === undefined && query.sort === undefined && query.search.trim() === '';
}

/** The rows a table shows for a query, and the query they answer. */
export interface TableRows {
  /** Table indexes in the order shown; undefined: every profile in stored order. */
  rows: Uint32Array | undefined;
  /** The query `rows` answer: while a new one is worked out, the last answer stays on screen. */
  answers: TableQuery;
  pending: boolean;
  /** Why the last query could not be answered (the rows stay as they were). */
  failed?: FailureReason;
}

/**
 * Filters, searches and sorts a table off the critical path: the work runs in slices between
 * which the page stays responsive (see `pageSlicer`), and a query replaced before it is answered
 * is abandoned.
 */
export function useTableRows(table: ProfileTableColumns | undefined, query: TableQuery): TableRows {
  const [answer, setAnswer] = useState<{
    table: ProfileTableColumns;
    query: TableQuery;
    rows: Uint32Array | undefined;
  }>();
  const [failed, setFailed] = useState<{ query: TableQuery; reason: FailureReason }>();
  const everything = isEverything(query);
  useEffect(() => {
    if (table === undefined || everything) return;
    const controller = new AbortController();
    queryTable(table, query, (key) => ranksOf(table, key), pageSlicer(controller.signal)).then(
      (rows) => {
        if (!controller.signal.aborted) setAnswer({ table, query, rows });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setFailed({ query, reason: failureReasonOf(error) });
      },
    );
    return () => controller.abort();
  }, [table, query, everything]);
  if (everything) return { rows: undefined, answers: query, pending: false };
  const shown = answer?.table === table ? answer : undefined;
  const result: TableRows = {
    rows: shown?.rows,
    answers: shown?.query ?? { search: '' },
    pending: shown?.query !== query && failed?.query !== query,
  };
  if (failed?.query === query) result.failed = failed.reason;
  return result;
}
