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

/** Focuses the first of `places` still on the page, or the first control inside it. */
function focusNear(places: readonly Element[]): HTMLElement | null {
  for (const place of places) {
    if (!place.isConnected) continue;
    const target = canTakeFocus(place) ? place : place.querySelector(FOCUSABLE);
    if (target instanceof HTMLElement) {
      target.focus();
      return target;
    }
  }
  return null;
}

/**
 * Focus given back to a control whose row goes just after (the dialog confirmed its deletion)
 * moves on to what remains near it, instead of falling to the page. Followed until focus leaves.
 */
function followRemoval(element: HTMLElement): void {
  const near = containersOf(element);
  const moveOn = () => {
    observer.disconnect();
    const active = document.activeElement;
    if (!element.isConnected && (active === null || active === document.body)) focusNear(near);
  };
  const observer = new MutationObserver(() => {
    if (!element.isConnected) moveOn();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  // Some browsers blur an element as it is removed: look once the removal is done.
  element.addEventListener('blur', () => queueMicrotask(moveOn), { once: true });
}

/**
 * Remembers where focus is now, to give it back later: to that element; when it is gone, to the
 * button of the menu it was in, else to the first control left in its nearest surviving
 * container (a deleted row's table), and on there if that element goes soon after. Returns the
 * function that gives it back, which is false when there is nowhere sensible (the page was left).
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
    const given = focusNear(places);
    if (given !== null) followRemoval(given);
    return given !== null;
  };
}
