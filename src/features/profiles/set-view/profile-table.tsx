import { FormattedMessage, useIntl } from 'react-intl';
import { memo, type MouseEvent, useRef } from 'react';
import { useHref, useNavigate } from 'react-router';
import type { ProfileSort, ProfileSortKey } from '../../../domain/profiles/query.ts';
import type { ProfileTableColumns } from '../../../domain/profiles/table/table-columns.ts';
import { formatCount, formatDateTime, formatStoredDay } from '../format.ts';
import { virtualRowStyle } from '../virtual-row.ts';
import { useRowWindow } from './use-row-window.ts';

const SORTED_UP = ' ▲';
const SORTED_DOWN = ' ▼';

interface Column {
  /** Also the column's heading: `profile-table.column` words it. */
  key: ProfileSortKey;
  /** Profile `i`'s cell, read from the table's columns (no profile object is built). */
  cell: (table: ProfileTableColumns, i: number) => string;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'id', cell: (t, i) => t.text('id', i) ?? '' },
  { key: 'name', cell: (t, i) => t.text('name', i) ?? '' },
  { key: 'email', cell: (t, i) => t.text('email', i) ?? '' },
  { key: 'country', cell: (t, i) => t.text('country', i) ?? '' },
  { key: 'plan', cell: (t, i) => t.text('plan', i) ?? '' },
  {
    key: 'signupDate',
    cell: (t, i) => {
      const day = t.text('signupDate', i);
      return day === undefined ? '' : formatStoredDay(day);
    },
  },
  {
    key: 'events',
    cell: (t, i) => formatCount(t.eventCount(i)),
    numeric: true,
  },
  {
    key: 'lastEventAt',
    cell: (t, i) => {
      const at = t.lastEventAt(i);
      return at === undefined ? '' : formatDateTime(at);
    },
  },
];

const ROW_HEIGHT = 36;

interface ProfileTableProps {
  setId: string;
  table: ProfileTableColumns;
  /** The table indexes to show, in order; undefined: the first `count` in stored order. */
  rows: Uint32Array | undefined;
  count: number;
  /** A new order or selection is being worked out (the rows shown are the last one's). */
  busy?: boolean;
  sort: ProfileSort | undefined;
  /** False while only part of the set is read: sorting a part would mislead. */
  sortable: boolean;
  onSort?: (sort: ProfileSort | undefined) => void;
}

interface ProfileRowProps {
  /** The set page's address; a profile's is this and its id. */
  setHref: string;
  table: ProfileTableColumns;
  /** The row's profile, as a table index. */
  profile: number;
  index: number;
  start: number;
}

/**
 * One row, drawn from the table's columns. Memoised: rows whose props stay are not drawn again.
 * Its link is a plain anchor (the table handles the click): a router `Link` per row ran several
 * hooks and effects for every row entering and leaving the view.
 */
const ProfileRow = memo(function ProfileRow({
  setHref,
  table,
  profile,
  index,
  start,
}: ProfileRowProps) {
  const id = table.text('id', profile) ?? '';
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="ptable-row"
      style={virtualRowStyle(start, ROW_HEIGHT)}
    >
      {COLUMNS.map((column) => (
        <div
          key={column.key}
          role="cell"
          className={column.numeric ? 'ptable-cell num' : 'ptable-cell'}
        >
          {column.key === 'id' ? (
            <a href={`${setHref}/${encodeURIComponent(id)}`} data-profile-id={id}>
              {id}
            </a>
          ) : (
            column.cell(table, profile)
          )}
        </div>
      ))}
    </div>
  );
});

function nextSort(current: ProfileSort | undefined, key: ProfileSortKey): ProfileSort | undefined {
  if (current?.key !== key) return { key, direction: 'asc' };
  return current.direction === 'asc' ? { key, direction: 'desc' } : undefined;
}

/** A virtualised, sortable table of profiles: only the rows on screen are in the DOM. */
export function ProfileTable({
  setId,
  table,
  rows,
  count,
  busy = false,
  sort,
  sortable,
  onSort,
}: ProfileTableProps) {
  const intl = useIntl();
  const scroller = useRef<HTMLDivElement>(null);
  const shown = rows?.length ?? count;
  const { first, end } = useRowWindow(scroller, shown, ROW_HEIGHT);
  const slots: number[] = [];
  for (let index = first; index < end; index++) slots.push(index);
  // Rows are keyed by slot, not by row: a row scrolled out is reused for one scrolled in, so
  // scrolling updates a few texts instead of removing and creating elements.
  let pool = 256;
  while (pool < slots.length) pool *= 2;
  const setHref = useHref(`/profiles/${setId}`);
  const navigate = useNavigate();
  /** A plain click on a profile's link opens it in the app, as a router link would. */
  const openProfile = (event: MouseEvent) => {
    const link = (event.target as Element).closest('a[data-profile-id]');
    const id = link?.getAttribute('data-profile-id');
    if (id == null || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    if (event.shiftKey || event.altKey || event.defaultPrevented) return;
    event.preventDefault();
    void navigate(`/profiles/${setId}/${encodeURIComponent(id)}`);
  };
  return (
    <div
      className="ptable card"
      role="table"
      aria-label={intl.formatMessage({ id: 'profiles.profile-table.profiles' })}
      aria-rowcount={shown + 1}
      aria-busy={busy}
    >
      <div className="ptable-head" role="rowgroup">
        <div className="ptable-row" role="row" aria-rowindex={1}>
          {COLUMNS.map((column) => {
            const sorted = sort?.key === column.key ? sort.direction : undefined;
            return (
              <div
                key={column.key}
                role="columnheader"
                className={column.numeric ? 'ptable-cell num' : 'ptable-cell'}
                aria-sort={
                  sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                }
              >
                <button
                  type="button"
                  className="sort-button"
                  disabled={!sortable}
                  onClick={() => onSort?.(nextSort(sort, column.key))}
                >
                  <FormattedMessage
                    id="profiles.profile-table.column"
                    values={{ column: column.key }}
                  />
                  <span aria-hidden="true">
                    {sorted === 'asc' ? SORTED_UP : sorted === 'desc' ? SORTED_DOWN : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scroller}
        className="ptable-body"
        role="rowgroup"
        tabIndex={0}
        aria-label={intl.formatMessage({ id: 'profiles.profile-table.profileRowsScrollable' })}
        onClick={openProfile}
      >
        <div style={{ height: shown * ROW_HEIGHT, position: 'relative' }}>
          {slots.map((index) => (
            <ProfileRow
              key={index % pool}
              setHref={setHref}
              table={table}
              profile={rows === undefined ? index : (rows[index] as number)}
              index={index}
              start={index * ROW_HEIGHT}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
