import { FormattedMessage } from 'react-intl';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import type { JourneyDocument } from '../../domain/index.ts';
import { downloadText } from '../../ui/download.ts';
import { SpecDocumentDialog } from './spec-document-dialog.tsx';
import { exportSpec, exportSpecSchema } from './spec-export.ts';
import './publish.css';

/**
 * "Export": download or copy the compiled spec, download its JSON Schema, read the spec document.
 * The outcome shows as a status line beside the button.
 */
export function ExportMenu({ document }: { document: JourneyDocument }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reading, setReading] = useState(false);

  const withSpec = (send: (fileName: string, text: string) => Promise<string> | string) => {
    const result = exportSpec(document);
    if (!result.ok) {
      setMessage({ ok: false, text: result.message });
      return;
    }
    void Promise.resolve(send(result.fileName, result.text)).then(
      (text) => setMessage({ ok: true, text }),
      () => setMessage({ ok: false, text: 'The browser refused to copy to the clipboard.' }),
    );
  };

  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="btn">
          <FormattedMessage id="publish.export-menu.export" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="export-menu" align="end" sideOffset={6}>
            <DropdownMenu.Item
              className="export-menu__item"
              onSelect={() =>
                withSpec((fileName, text) => {
                  downloadText(fileName, text);
                  return `Downloaded ${fileName}.`;
                })
              }
            >
              <FormattedMessage id="publish.export-menu.downloadSpec" />
            </DropdownMenu.Item>
            <DropdownMenu.Item
              className="export-menu__item"
              onSelect={() =>
                withSpec(async (_fileName, text) => {
                  await navigator.clipboard.writeText(text);
                  return 'Spec copied to the clipboard.';
                })
              }
            >
              <FormattedMessage id="publish.export-menu.copySpec" />
            </DropdownMenu.Item>
            <DropdownMenu.Item
              className="export-menu__item"
              onSelect={() => {
                const schema = exportSpecSchema();
                downloadText(schema.fileName, schema.text);
                setMessage({ ok: true, text: `Downloaded ${schema.fileName}.` });
              }}
            >
              <FormattedMessage id="publish.export-menu.downloadJsonSchema" />
            </DropdownMenu.Item>
            <DropdownMenu.Item className="export-menu__item" onSelect={() => setReading(true)}>
              <FormattedMessage id="publish.export-menu.readTheSpecDocument" />
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {message !== null && (
        <span
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'muted' : 'field-error'}
        >
          {message.text}
        </span>
      )}
      <SpecDocumentDialog open={reading} onOpenChange={setReading} />
    </>
  );
}
