const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form of an email address two profiles are compared by: trimmed and lower-cased; for
 * Gmail, dots and a `+suffix` in the local part are ignored (Gmail delivers them all to one
 * inbox), and googlemail.com is gmail.com.
 */
export function normaliseEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  const domain = trimmed.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return trimmed;
  let local = trimmed.slice(0, at);
  const plus = local.indexOf('+');
  if (plus >= 0) local = local.slice(0, plus);
  return `${local.replaceAll('.', '')}@gmail.com`;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A pragmatic email check: one `@`, no spaces, a dotted domain. */
export function isValidEmail(email: string): boolean {
  return EMAIL_PATTERN.test(email.trim());
}
