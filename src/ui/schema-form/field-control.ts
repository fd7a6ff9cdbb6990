/** The attribute a form's root carries with the base its controls' ids are built from. */
export const ID_BASE_ATTRIBUTE = 'data-id-base';

/**
 * A form control's DOM id: the form's base and the field's keys, each character that is not a
 * word character or `-` turned into `-`. Forms, condition builders and filter lists nested in
 * them build their ids this way, so a field's id follows from its keys alone.
 */
export function controlIdFor(base: string, keys: readonly (string | number)[]): string {
  return `${base}-${keys.join('.').replace(/[^\w-]/g, '-') || 'root'}`;
}

const CONTROLS = 'input, select, textarea, button';

/**
 * The control that edits the field at `keys` inside `form` (an element carrying
 * {@link ID_BASE_ATTRIBUTE}), or of the nearest field above it the form draws (a list whose row
 * is gone); null when the form draws none of them.
 */
export function fieldControl(
  form: HTMLElement,
  keys: readonly (string | number)[],
): HTMLElement | null {
  const base = form.getAttribute(ID_BASE_ATTRIBUTE);
  if (base === null) return null;
  for (let n = keys.length; n > 0; n -= 1) {
    const found = form.ownerDocument.getElementById(controlIdFor(base, keys.slice(0, n)));
    if (found === null || !form.contains(found)) continue;
    if (found.matches(CONTROLS)) return found;
    const inside = found.querySelector<HTMLElement>(CONTROLS);
    if (inside !== null) return inside;
  }
  return null;
}
