import { memo } from 'react';

/** Simplified outline icons (lucide naming) for the step kinds' `icon` names. */
const PATHS: Readonly<Record<string, string>> = {
  zap: 'M13 2 3 14h9l-1 8 10-12h-9l1-8z',
  users:
    'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8M22 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8',
  calendar: 'M3 6h18v15H3zM16 2v4M8 2v4M3 10h18',
  'calendar-clock':
    'M21 8V6H3v15h7M16 2v4M8 2v4M3 10h7M17 14v3l2 1M17 22a5 5 0 1 0 0-10 5 5 0 0 0 0 10',
  'calendar-check': 'M3 6h18v15H3zM16 2v4M8 2v4M3 10h18M9 16l2 2 4-4',
  'git-branch':
    'M6 3v12M18 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6M6 21a3 3 0 1 0 0-6 3 3 0 0 0 0 6M18 9a9 9 0 0 1-9 9',
  split: 'M16 3h5v5M8 3H3v5M12 22v-8.3a4 4 0 0 0-1.2-2.9L3 3M21 3l-7.8 7.8',
  shuffle:
    'M2 18h1.4a4 4 0 0 0 3.3-1.8l6.6-8.4A4 4 0 0 1 16.6 6H22M18 2l4 4-4 4M2 6h1.9a4 4 0 0 1 3.3 1.7M22 18h-5.9a4 4 0 0 1-3.3-1.8M18 14l4 4-4 4',
  hourglass:
    'M5 22h14M5 2h14M17 22v-4.2a2 2 0 0 0-.6-1.4L12 12l-4.4 4.4a2 2 0 0 0-.6 1.4V22M7 2v4.2a2 2 0 0 0 .6 1.4L12 12l4.4-4.4a2 2 0 0 0 .6-1.4V2',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20M12 6v6l4 2',
  sun: 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M6.3 17.7l-1.4 1.4M19.1 4.9l-1.4 1.4',
  mail: 'M2 4h20v16H2zM22 7l-10 6L2 7',
  'message-square': 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z',
  bell: 'M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.9 1.9 0 0 0 3.4 0',
  smartphone: 'M5 2h14v20H5zM12 18h.01',
  webhook:
    'M18 16.98h-5.99c-1.1 0-1.95.94-2.48 1.9A4 4 0 0 1 2 17c.01-.7.2-1.4.57-2M6 17l3.13-5.78c.53-.97.1-2.18-.5-3.1a4 4 0 1 1 6.89-4.06M12 6l3.13 5.73C15.66 12.7 16.9 13 18 13a4 4 0 0 1 0 8',
  headset:
    'M3 14h3a2 2 0 0 1 2 2v3a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-7a9 9 0 0 1 18 0v7a2 2 0 0 1-2 2h-1a2 2 0 0 1-2-2v-3a2 2 0 0 1 2-2h3',
  mailbox:
    'M22 17a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V9.5C2 7 4 5 6.5 5H18c2.2 0 4 1.8 4 4zM15 9h3v2M6.5 5C9 5 11 7 11 9.5V17',
  gauge: 'M12 14l4-4M3.34 19a10 10 0 1 1 17.32 0',
  'user-pen':
    'M11.5 15H7a4 4 0 0 0-4 4v2M10 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8M21.4 16.6a2 2 0 1 0-2.8-2.8l-4 4-1 3.8 3.8-1z',
  'log-out': 'M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9',
  plus: 'M12 5v14M5 12h14',
  alert:
    'M12 9v4M12 17h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0',
};

const FALLBACK = 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20';

/** The category colours of global.css, for icons drawn as images. */
const CATEGORY_COLOURS: Readonly<Record<string, string>> = {
  trigger: '#2b8a3e',
  condition: '#ae3ec9',
  wait: '#1971c2',
  action: '#e8590c',
};

const imageCache = new Map<string, string>();

/**
 * An icon as a CSS background image. Nodes use this instead of inline SVG: every inline SVG is
 * its own clip and transform for the compositor, and with a thousand nodes that alone made
 * panning three times slower.
 */
export function iconImage(name: string, category: string): string {
  const key = `${name}:${category}`;
  let url = imageCache.get(key);
  if (url === undefined) {
    const colour = CATEGORY_COLOURS[category] ?? '#5b6478';
    const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='16' height='16' viewBox='0 0 24 24' fill='none' stroke='${colour}' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='${PATHS[name] ?? FALLBACK}'/></svg>`;
    url = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
    imageCache.set(key, url);
  }
  return url;
}

/** An icon by name, hidden from screen readers (the text beside it names the thing). */
export const StepIcon = memo(function StepIcon({
  name,
  size = 16,
}: {
  name: string;
  size?: number;
}) {
  return (
    <svg
      className="step-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name] ?? FALLBACK} />
    </svg>
  );
});
