import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a status message stays. */
const STATUS_MS = 5000;

/** A short-lived message for the canvas status line; repeating the same text keeps it up. */
export function useStatusMessage(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback((next: string) => {
    setMessage(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), STATUS_MS);
  }, []);
  return [message, announce];
}
