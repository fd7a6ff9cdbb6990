/**
 * How much of a push notification a lock screen shows before it cuts the text with "…". Based
 * on iOS and Android's collapsed notification: one line of title, about four lines of body.
 */
export const LOCK_SCREEN_LIMITS = { title: 50, body: 178 } as const;

export interface TruncatedText {
  text: string;
  truncated: boolean;
}

/** Cuts text to `max` characters as a person sees them (an emoji is never cut in half). */
export function truncateForDisplay(text: string, max: number): TruncatedText {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const graphemes = Array.from(
    new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(oneLine),
    (s) => s.segment,
  );
  if (graphemes.length <= max) return { text: oneLine, truncated: false };
  return {
    text: `${graphemes
      .slice(0, max - 1)
      .join('')
      .trimEnd()}…`,
    truncated: true,
  };
}

/** A push notification as the lock screen shows it. */
export function lockScreenPush(
  title: string,
  body: string,
): {
  title: TruncatedText;
  body: TruncatedText;
} {
  return {
    title: truncateForDisplay(title, LOCK_SCREEN_LIMITS.title),
    body: truncateForDisplay(body, LOCK_SCREEN_LIMITS.body),
  };
}
