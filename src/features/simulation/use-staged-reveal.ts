import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `count` parts to show: none on the first render, then one more per task, each in
 * a transition. Heavy parts (charts) then mount in tasks of their own, after the rest is drawn,
 * instead of all in the task that draws the result.
 */
export function useStagedReveal(count: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= count) return;
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + 1)), 0);
    return () => clearTimeout(timer);
  }, [shown, count]);
  return shown;
}
