/**
 * The catalogues as vite.config.ts's `wayfinder:messages` plugin serves them: each message of
 * src/i18n/messages/<locale>.json already parsed to its ICU syntax tree, so the app ships
 * react-intl without the message parser.
 */
declare module 'virtual:wayfinder-messages/*' {
  import type { MessageFormatElement } from 'react-intl';
  const messages: Record<string, MessageFormatElement[]>;
  export default messages;
}
