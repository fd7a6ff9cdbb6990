import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useId } from 'react';
import type { ChoosableEncoding } from '../../../domain/profiles/import/text-encoding.ts';
import type { AccentedLine } from './sniff-file.ts';

/** Encodings as people know them from Excel's and their editors' "Save as" lists. */
export const ENCODING_NAMES = defineMessages({
  'windows-1252': { id: 'profiles.import-encoding.name.windows-1252' },
  'iso-8859-15': { id: 'profiles.import-encoding.name.iso-8859-15' },
  'windows-1250': { id: 'profiles.import-encoding.name.windows-1250' },
  macintosh: { id: 'profiles.import-encoding.name.macintosh' },
});

interface EncodingFieldProps {
  encoding: ChoosableEncoding;
  /** The encodings that read the file as text, likeliest first. */
  encodings: readonly ChoosableEncoding[];
  /** The file's first lines with accented letters, decoded in `encoding`. */
  accented: readonly AccentedLine[];
  onChange: (encoding: ChoosableEncoding) => void;
}

/**
 * For a CSV file that is not UTF-8 (Excel on Windows saves its code page): the encoding to read
 * it in, with the lines whose accented letters tell the encodings apart, so the user sees "é"
 * come out right before importing.
 */
export function EncodingField({ encoding, encodings, accented, onChange }: EncodingFieldProps) {
  const intl = useIntl();
  const selectId = useId();
  const captionId = useId();
  return (
    <fieldset className="import-encoding">
      <legend>
        <FormattedMessage id="profiles.import-encoding.legend" />
      </legend>
      <p className="muted">
        <FormattedMessage id="profiles.import-encoding.notUtf8" />
      </p>
      <div className="mapping-field">
        <label htmlFor={selectId}>
          <FormattedMessage id="profiles.import-encoding.encoding" />
        </label>
        <select
          id={selectId}
          value={encoding}
          onChange={(e) => {
            const chosen = encodings.find((c) => c === e.target.value);
            if (chosen !== undefined) onChange(chosen);
          }}
        >
          {encodings.map((e) => (
            <option key={e} value={e}>
              {intl.formatMessage(ENCODING_NAMES[e])}
            </option>
          ))}
        </select>
      </div>
      {accented.length > 0 && (
        <table className="data-table import-encoding-lines" aria-labelledby={captionId}>
          <caption id={captionId}>
            <FormattedMessage
              id="profiles.import-encoding.linesAsRead"
              values={{ encoding: intl.formatMessage(ENCODING_NAMES[encoding]) }}
            />
          </caption>
          <tbody>
            {accented.map((l) => (
              <tr key={l.line}>
                <th scope="row">
                  <FormattedMessage id="profiles.import-encoding.line" values={{ line: l.line }} />
                </th>
                <td>{l.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
