import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useId, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { STEP_CATEGORIES, stepDefinitionsIn } from '../../../domain/index.ts';
import { stepCategoryLabel, stepKindLabel } from '../../../i18n/step-words.ts';
import type { InsertTarget } from './editor-context.ts';
import { StepIcon } from './step-icon.tsx';
import './insert-menu.css';

export interface InsertMenuRequest {
  target: InsertTarget;
  /** Where the "+" button was, in viewport pixels. */
  anchor: { left: number; top: number; width: number; height: number };
  /** The "+" button, focused again when the menu closes. */
  returnFocus: HTMLElement | SVGElement;
}

export interface InsertMenuProps {
  request: InsertMenuRequest | null;
  onChoose(kind: string, target: InsertTarget): void;
  onClose(): void;
}

/** Categories a step placed after another may have: everything but triggers. */
const AFTER_A_STEP = STEP_CATEGORIES.filter((c) => c !== 'trigger');
const STARTING = ['trigger'] as const;

/** The one insert menu of the canvas, opened by every "+" on a connection or a free branch. */
export function InsertMenu({ request, onChoose, onClose }: InsertMenuProps) {
  const intl = useIntl();
  const titleId = useId();
  const chosen = useRef(false);
  const anchor = request?.anchor ?? { left: 0, top: 0, width: 0, height: 0 };
  const starting = request?.target.kind === 'start';
  const categories = starting ? STARTING : AFTER_A_STEP;
  return (
    <DropdownMenu.Root
      open={request !== null}
      onOpenChange={(open) => !open && onClose()}
      modal={false}
    >
      <DropdownMenu.Trigger asChild>
        <span
          className="insert-menu__anchor"
          aria-hidden="true"
          tabIndex={-1}
          style={{ left: anchor.left, top: anchor.top, width: anchor.width, height: anchor.height }}
        />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="insert-menu"
          aria-labelledby={titleId}
          sideOffset={6}
          collisionPadding={8}
          align="start"
          ref={(menu) => {
            // Opened from a "+" or a key, never by its own trigger, Radix focuses the menu
            // itself: start on the first step kind instead, so Enter or the arrows choose at once;
            // unless typing already moved to an item in the frame before (typeahead).
            if (menu !== null)
              requestAnimationFrame(() => {
                const active = document.activeElement;
                if (active !== menu && menu.contains(active)) return;
                menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
              });
          }}
          onCloseAutoFocus={(event) => {
            // A chosen step takes focus itself (follow-new-steps.ts); a closed menu gives it back.
            event.preventDefault();
            if (request?.returnFocus.isConnected === true && !chosen.current)
              request.returnFocus.focus();
            chosen.current = false;
          }}
        >
          <DropdownMenu.Label id={titleId} className="insert-menu__title">
            {starting ? (
              <FormattedMessage id="editor.insert-menu.addATrigger" />
            ) : (
              <FormattedMessage id="editor.insert-menu.insertAStep" />
            )}
          </DropdownMenu.Label>
          {categories.map((category) => (
            <DropdownMenu.Group key={category} className="insert-menu__group">
              <DropdownMenu.Label className="insert-menu__label">
                {stepCategoryLabel(intl, category)}
              </DropdownMenu.Label>
              {stepDefinitionsIn(category).map((definition) => (
                <DropdownMenu.Item
                  key={definition.kind}
                  className={`insert-menu__item insert-menu__item--${category}`}
                  onSelect={() => {
                    if (request === null) return;
                    chosen.current = true;
                    onChoose(definition.kind, request.target);
                  }}
                >
                  <StepIcon name={definition.icon} />
                  {stepKindLabel(intl, definition.kind)}
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Group>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
