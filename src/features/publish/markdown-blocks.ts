/** A block of a markdown document, as the tiny renderer understands it. */
export type MarkdownBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'code'; text: string }
  | { type: 'table'; header: string[]; rows: string[][] };

/** An inline run: plain text, `code`, or **strong**. */
export type MarkdownInline = { type: 'text' | 'code' | 'strong'; text: string };

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

const LIST_ITEM = /^\s*(?:[-*]|(\d+)\.)\s+(.*)$/;

/**
 * Splits markdown into blocks: headings, paragraphs, lists, fenced code and pipe tables. Nothing
 * becomes HTML: the view renders each block as React elements holding plain text.
 */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  const at = (n: number) => lines[n] ?? '';
  while (i < lines.length) {
    const line = at(i);
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      i++;
    } else if (heading) {
      blocks.push({ type: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
      i++;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !at(i).startsWith('```'); i++) body.push(at(i));
      blocks.push({ type: 'code', text: body.join('\n') });
      i++;
    } else if (line.trimStart().startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && at(i).trimStart().startsWith('|'); i++) {
        if (!/^\s*\|[\s|:-]+\|\s*$/.test(at(i))) rows.push(cells(at(i)));
      }
      blocks.push({ type: 'table', header: rows[0] ?? [], rows: rows.slice(1) });
    } else if (LIST_ITEM.test(line)) {
      const ordered = LIST_ITEM.exec(line)?.[1] !== undefined;
      const items: string[] = [];
      for (; i < lines.length && at(i).trim() !== ''; i++) {
        const item = LIST_ITEM.exec(at(i));
        if (item) items.push(item[2] ?? '');
        else items[items.length - 1] = `${items.at(-1) ?? ''} ${at(i).trim()}`;
      }
      blocks.push({ type: 'list', ordered, items });
    } else {
      const text: string[] = [];
      for (; i < lines.length && at(i).trim() !== '' && !/^(#|```|\s*\|)/.test(at(i)); i++) {
        text.push(at(i).trim());
      }
      blocks.push({ type: 'paragraph', text: text.join(' ') });
    }
  }
  return blocks;
}

/** Splits a line into plain text, `code` and **strong** runs; a link keeps only its label. */
export function parseInline(source: string): MarkdownInline[] {
  const text = source.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  const out: MarkdownInline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push({ type: 'text', text: text.slice(last, match.index) });
    if (match[1] !== undefined) out.push({ type: 'code', text: match[1] });
    else out.push({ type: 'strong', text: match[2] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
