import * as Dialog from '@radix-ui/react-dialog';
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { getStepDefinition, type JourneyStep } from '../../../domain/index.ts';
import { findSteps } from '../../../editor/index.ts';
import { stepKindLabel } from '../../../i18n/step-words.ts';
import { StepIcon } from './step-icon.tsx';
import './find-step-dialog.css';

/** Matches listed at once; a longer list asks for more words rather than drawing thousands. */
export const MAX_LISTED = 100;
/** How far Page Up and Page Down move in the list. */
const PAGE = 8;

export interface FindStepDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  steps: readonly JourneyStep[];
  /** A step chosen: the canvas selects it, centres it and takes focus. */
  onChoose(stepId: string): void;
  /** What had focus when the search opened (a field, a step, the toolbar's button). */
  returnFocus: RefObject<Element | null>;
}

/**
 * "Find a step" (Ctrl/⌘+F, the toolbar's ⌕): a combobox filtering the journey's steps by name,
 * kind or id as the user types, its matches in a listbox chosen with the arrows and Enter or a
 * click. Radix's dialog keeps focus inside; closed without a choice, focus goes back.
 */
export function FindStepDialog({
  open,
  onOpenChange,
  steps,
  onChoose,
  returnFocus,
}: FindStepDialogProps) {
  const intl = useIntl();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const chosen = useRef(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => findSteps(steps, query, (kind) => stepKindLabel(intl, kind)),
    [steps, query, intl],
  );
  const listed = matches.slice(0, MAX_LISTED);
  const current = Math.min(active, listed.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => {
    if (current < 0) return;
    // jsdom draws no layout and has no scrollIntoView.
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  });

  const choose = (step: JourneyStep | undefined) => {
    if (step === undefined) return;
    chosen.current = true;
    onChoose(step.id);
  };
  const move = (to: number) => setActive(Math.max(0, Math.min(listed.length - 1, to)));
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + PAGE),
      PageUp: () => move(current - PAGE),
      Enter: () => choose(listed[current]),
    };
    const action = keys[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay find-step-overlay" />
        <Dialog.Content
          className="dialog-content find-step"
          onOpenAutoFocus={(event) => {
            // Typing goes straight into the search; the last search is kept, selected.
            event.preventDefault();
            chosen.current = false;
            inputRef.current?.focus();
            inputRef.current?.select();
          }}
          onCloseAutoFocus={(event) => {
            // A chosen step takes focus on the canvas; a search closed without one gives it back
            // to where it was (opened by a key, the dialog has no trigger of its own to return to).
            event.preventDefault();
            const before = returnFocus.current;
            if (!chosen.current && before instanceof HTMLElement && before.isConnected)
              before.focus();
          }}
        >
          <Dialog.Title className="find-step__title">
            <FormattedMessage id="editor.find-step.title" />
          </Dialog.Title>
          <Dialog.Description className="muted find-step__hint">
            <FormattedMessage id="editor.find-step.hint" />
          </Dialog.Description>
          <input
            ref={inputRef}
            className="find-step__input"
            type="search"
            role="combobox"
            aria-label={intl.formatMessage({ id: 'editor.find-step.searchLabel' })}
            aria-expanded={listed.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={current >= 0 ? optionId(current) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <p className="find-step__count" role="status" aria-live="polite">
            {matches.length > listed.length
              ? intl.formatMessage(
                  { id: 'editor.find-step.someListed' },
                  { count: matches.length, listed: listed.length },
                )
              : intl.formatMessage({ id: 'editor.find-step.count' }, { count: matches.length })}
          </p>
          <ul
            id={listId}
            role="listbox"
            className="find-step__list"
            aria-label={intl.formatMessage({ id: 'editor.find-step.matches' })}
          >
            {listed.map((step, index) => {
              const definition = getStepDefinition(step.kind);
              const name =
                step.label.trim() === ''
                  ? intl.formatMessage({ id: 'editor.find-step.unnamed' })
                  : step.label;
              const kind = stepKindLabel(intl, step.kind);
              return (
                <li
                  key={step.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === current}
                  aria-label={intl.formatMessage(
                    { id: 'editor.find-step.option' },
                    { name, kind, id: step.id },
                  )}
                  className={`find-step__option find-step__option--${definition?.category ?? 'unknown'}`}
                  // The input keeps focus: a press on an option must not take it away.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => index !== current && setActive(index)}
                  onClick={() => choose(step)}
                >
                  <StepIcon name={definition?.icon ?? ''} />
                  <span className="find-step__name">{name}</span>
                  <span className="find-step__kind">{kind}</span>
                  <code className="find-step__id">{step.id}</code>
                </li>
              );
            })}
          </ul>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
