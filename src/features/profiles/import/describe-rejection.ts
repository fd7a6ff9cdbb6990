import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { Rejection, RejectionCode } from '../../../domain/profiles/import/report.ts';

/** A rejected row's reason, by its stable code. */
export const REJECTION_REASONS: Record<RejectionCode, MessageDescriptor> = defineMessages({
  empty_file: { id: 'import.reason.empty_file' },
  duplicate_header: { id: 'import.reason.duplicate_header' },
  unknown_column: { id: 'import.reason.unknown_column' },
  malformed_row: { id: 'import.reason.malformed_row' },
  missing_id: { id: 'import.reason.missing_id' },
  invalid_email: { id: 'import.reason.invalid_email' },
  invalid_phone: { id: 'import.reason.invalid_phone' },
  invalid_date: { id: 'import.reason.invalid_date' },
  invalid_timestamp: { id: 'import.reason.invalid_timestamp' },
  invalid_number: { id: 'import.reason.invalid_number' },
  invalid_boolean: { id: 'import.reason.invalid_boolean' },
  invalid_time_zone: { id: 'import.reason.invalid_time_zone' },
  missing_event_name: { id: 'import.reason.missing_event_name' },
  bad_json: { id: 'import.reason.bad_json' },
  invalid_profile: { id: 'import.reason.invalid_profile' },
  unrecognised_format: { id: 'import.reason.unrecognised_format' },
  unbalanced_quote: { id: 'import.reason.unbalanced_quote' },
  binary_file: { id: 'import.reason.binary_file' },
  not_utf8: { id: 'import.reason.not_utf8' },
  undecodable_text: { id: 'import.reason.undecodable_text' },
  mixed_encoding: { id: 'import.reason.mixed_encoding' },
  file_is_utf8: { id: 'import.reason.file_is_utf8' },
  invalid_value: { id: 'import.reason.invalid_value' },
});

/** What to do about a rejection, by code, for languages the domain's sentence is not in. */
const REJECTION_DETAILS: Record<RejectionCode, MessageDescriptor> = defineMessages({
  empty_file: { id: 'import.detail.empty_file' },
  duplicate_header: { id: 'import.detail.duplicate_header' },
  unknown_column: { id: 'import.detail.unknown_column' },
  malformed_row: { id: 'import.detail.malformed_row' },
  missing_id: { id: 'import.detail.missing_id' },
  invalid_email: { id: 'import.detail.invalid_email' },
  invalid_phone: { id: 'import.detail.invalid_phone' },
  invalid_date: { id: 'import.detail.invalid_date' },
  invalid_timestamp: { id: 'import.detail.invalid_timestamp' },
  invalid_number: { id: 'import.detail.invalid_number' },
  invalid_boolean: { id: 'import.detail.invalid_boolean' },
  invalid_time_zone: { id: 'import.detail.invalid_time_zone' },
  missing_event_name: { id: 'import.detail.missing_event_name' },
  bad_json: { id: 'import.detail.bad_json' },
  invalid_profile: { id: 'import.detail.invalid_profile' },
  unrecognised_format: { id: 'import.detail.unrecognised_format' },
  unbalanced_quote: { id: 'import.detail.unbalanced_quote' },
  binary_file: { id: 'import.detail.binary_file' },
  not_utf8: { id: 'import.detail.not_utf8' },
  undecodable_text: { id: 'import.detail.undecodable_text' },
  mixed_encoding: { id: 'import.detail.mixed_encoding' },
  file_is_utf8: { id: 'import.detail.file_is_utf8' },
  invalid_value: { id: 'import.detail.invalid_value' },
});

/**
 * A rejection in the user's language, rendered from its code, row and column. The domain's own
 * sentence (English, naming the offending value) is shown in English, where it says more.
 */
export function describeRejection(intl: IntlShape, rejection: Rejection): string {
  if (intl.locale === 'en') return rejection.message;
  return intl.formatMessage(REJECTION_DETAILS[rejection.reason], {
    row: rejection.row,
    column: rejection.column ?? '',
  });
}
