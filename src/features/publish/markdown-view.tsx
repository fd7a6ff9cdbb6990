import { createElement, useMemo } from 'react';
import { parseInline, parseMarkdown, type MarkdownBlock } from './markdown-blocks.ts';

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((run, i) =>
        run.type === 'code' ? (
          <code key={i}>{run.text}</code>
        ) : run.type === 'strong' ? (
          <strong key={i}>{run.text}</strong>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

function Block({ block }: { block: MarkdownBlock }) {
  switch (block.type) {
    case 'heading':
      return createElement(`h${Math.min(block.level + 1, 6)}`, null, <Inline text={block.text} />);
    case 'paragraph':
      return (
        <p>
          <Inline text={block.text} />
        </p>
      );
    case 'code':
      return <pre>{block.text}</pre>;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Inline text={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <table className="data-table">
          <thead>
            <tr>
              {block.header.map((cell, i) => (
                <th key={i}>
                  <Inline text={cell} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>
                    <Inline text={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** Markdown as React elements holding text only: nothing is ever parsed as HTML. */
export function MarkdownView({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="spec-document">
      {blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </div>
  );
}
