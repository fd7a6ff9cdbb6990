import DOMPurify from 'dompurify';

const LOOKS_LIKE_HTML = /<\/?[a-z][\s\S]*>/i;

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Plain text as the paragraphs an email client shows; a bare link becomes clickable. */
function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => {
      const linked = escapeHtml(p).replace(
        /https?:\/\/[^\s<]+/g,
        (url) => `<a href="${url}" target="_blank" rel="noopener">${url}</a>`,
      );
      return `<p>${linked.replaceAll('\n', '<br>')}</p>`;
    })
    .join('');
}

/**
 * A rendered email body as a complete, inert document for a sandboxed frame: HTML bodies are
 * sanitised (no scripts, handlers, frames or forms), plain-text bodies become paragraphs, and a
 * content policy stops the frame fetching anything but images.
 */
export function emailDocument(body: string): string {
  const html = LOOKS_LIKE_HTML.test(body)
    ? DOMPurify.sanitize(body, { FORBID_TAGS: ['form', 'iframe', 'object', 'embed', 'style'] })
    : textToHtml(body);
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'">`,
    '<style>body{font:14px/1.5 system-ui,sans-serif;color:#1c2230;margin:12px;overflow-wrap:anywhere}a{color:#2f4ac0}</style>',
    `</head><body>${html}</body></html>`,
  ].join('');
}
