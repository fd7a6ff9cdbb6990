const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), ' +
  'textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

function canTakeFocus(element: Element): element is HTMLElement {
  return element instanceof HTMLElement && element.isConnected && element.matches(FOCUSABLE);
}

/** The button that opened the menu `element` is in (Radix names the menu in its aria-controls). */
function menuTriggerOf(element: Element): Element | null {
  const menu = element.closest('[role="menu"]');
  if (menu === null || menu.id === '') return null;
  return document.querySelector(`[aria-controls="${CSS.escape(menu.id)}"]`);
}

/** The containers of `element`, nearest first, up to (not including) the page's main landmark. */
function containersOf(element: Element): Element[] {
  const containers: Element[] = [];
  for (let at = element.parentElement; at !== null; at = at.parentElement) {
    if (at.matches('main, body')) break;
    containers.push(at);
  }
  return containers;
}

/**
 * Remembers where focus is now, to give it back later: to that element; when it is gone, to the
 * button of the menu it was in, else to the first control left in its nearest surviving
 * container (a deleted row's table). Returns the function that gives it back, which is false
 * when there is nowhere sensible (the page itself was left).
 */
export function rememberFocus(): () => boolean {
  const active = document.activeElement;
  if (active === null || active === document.body) return () => false;
  const trigger = menuTriggerOf(active);
  const places = [
    active,
    ...(trigger === null ? [] : [trigger]),
    ...containersOf(trigger ?? active),
  ];
  return () => {
    for (const place of places) {
      if (!place.isConnected) continue;
      const target = canTakeFocus(place) ? place : place.querySelector(FOCUSABLE);
      if (target instanceof HTMLElement) {
        target.focus();
        return true;
      }
    }
    return false;
  };
}
