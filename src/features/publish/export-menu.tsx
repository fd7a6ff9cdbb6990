import { FormattedMessage, useIntl } from 'react-intl';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { journeyFileName, journeyToFileText, type JourneyDocument } from '../../domain/index.ts';
import { diagnosticText } from '../../i18n/diagnostic-text.ts';
import { downloadText } from '../../ui/download.ts';
import { SpecDocumentDialog } from './spec-document-dialog.tsx';
import { exportSpec, exportSpecSchema } from './spec-export.ts';
import './publish.css';

/**
 * "Export": the journey document (the editable file, imported back as it is), then the compiled
 * spec (download or copy), its JSON Schema and the spec document. The outcome shows as a status
 * line beside the button.
 */
export function ExportMenu({ document }: { document: JourneyDocument }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reading, setReading] = useState(false);
  const intl = useIntl();
  const downloaded = (file: string) =>
    intl.formatMessage({ id: 'publish.export-menu.downloaded' }, { file });

  const withSpec = (send: (fileName: string, text: string) => Promise<string> | string) => {
    const result = exportSpec(document);
    if (!result.ok) {
      const text =
        result.invalid === undefined
          ? intl.formatMessage({ id: 'publish.export-menu.fixErrors' }, { count: result.errors })
          : intl.formatMessage(
              { id: 'publish.export-menu.specInvalid' },
              { problem: diagnosticText(intl, result.invalid) },
            );
      setMessage({ ok: false, text });
      return;
    }
    void Promise.resolve(send(result.fileName, result.text)).then(
      (text) => setMessage({ ok: true, text }),
      () =>
        setMessage({
          ok: false,
          text: intl.formatMessage({ id: 'publish.export-menu.clipboardRefused' }),
        }),
    );
  };

  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="btn">
          <FormattedMessage id="publish.export-menu.export" />
        </DropdownMenu.Trigger>
        {/* Drawn inside the page's main landmark, not at the end of the body, outside any
            landmark (axe `region`); the menu is positioned fixed, so it is not clipped there. */}
        <DropdownMenu.Portal container={globalThis.document.getElementById('main')}>
          <DropdownMenu.Content className="export-menu" align="end" sideOffset={6}>
            <DropdownMenu.Label className="export-menu__label">
              <FormattedMessage id="publish.export-menu.journeyLabel" />
            </DropdownMenu.Label>
            <DropdownMenu.Item
              className="export-menu__item"
              onSelect={() => {
                // Works with errors too: the document is what the user drew, not a compiled spec.
                const fileName = journeyFileName(document);
                downloadText(fileName, journeyToFileText(document));
                setMessage({ ok: true, text: downloaded(fileName) });
              }}
            >
              <FormattedMessage id="publish.export-menu.downloadJourney" />
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="export-menu__separator" />
            <DropdownMenu.Label className="export-menu__label">
              <FormattedMessage id="publish.export-menu.specLabel" />
            </DropdownMenu.Label>
            <DropdownMenu.Item
              className="export-menu__item"
              onSelect={() =>
                withSpec((fileName, text) => {
                  downloadText(fileName, text);
                  return downloaded(fileName);
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
                  return intl.formatMessage({ id: 'publish.export-menu.specCopied' });
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
                setMessage({ ok: true, text: downloaded(schema.fileName) });
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
