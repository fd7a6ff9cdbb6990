import { useState, type ReactNode } from 'react';

/**
 * Holds a value in state for a props-driven component under test and records every value it
 * emits, so tests can both interact and inspect what was sent.
 */
export function controlled<T>(initial: T) {
  const emitted: T[] = [];
  function Harness({ render }: { render(value: T, onChange: (value: T) => void): ReactNode }) {
    const [value, setValue] = useState(initial);
    return render(value, (next) => {
      emitted.push(next);
      setValue(next);
    });
  }
  return { Harness, emitted, last: () => emitted[emitted.length - 1] };
}
