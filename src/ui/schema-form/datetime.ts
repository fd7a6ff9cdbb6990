function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An ISO date-time shown in a `datetime-local` input, in the browser's time zone ('' when unreadable). */
export function toLocalInput(iso: string): string {
  const ms = Date.parse(iso);
  if (iso === '' || Number.isNaN(ms)) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as an ISO date-time with the browser's offset, e.g. `2025-03-01T09:00:00+01:00`. */
export function fromLocalInput(local: string): string {
  if (local === '') return '';
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return local;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
