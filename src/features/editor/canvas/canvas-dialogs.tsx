import { lazy, Suspense } from 'react';
import { useIntl } from 'react-intl';
import type { EditorStore } from '../../../editor/index.ts';
import type { JourneyDocument } from '../../../domain/index.ts';
import { DrawnOnceOpened, onDemand, usePrefetchWhenIdle } from '../../../ui/on-demand.tsx';
import { refusalText } from '../refusal-text.ts';
import type { InsertTarget } from './editor-context.ts';
import type { FindStepDialogProps } from './find-step-dialog.tsx';
import type { InsertMenuRequest } from './insert-menu.tsx';

// Only opened from a blank journey: not part of drawing the canvas.
const TemplateDialog = lazy(() =>
  import('./template-dialog.tsx').then((m) => ({ default: m.TemplateDialog })),
);
/** The "+" menu and the shortcuts overlay (and Radix under them) load on first use, not with the canvas. */
const insertMenu = onDemand(() => import('./insert-menu.tsx').then((module) => module.InsertMenu));
const findStepDialog = onDemand(() =>
  import('./find-step-dialog.tsx').then((module) => module.FindStepDialog),
);
const shortcutsDialog = onDemand(() =>
  import('../shortcuts/shortcuts-dialog.tsx').then((module) => module.ShortcutsDialog),
);

export interface CanvasDialogsProps {
  store: EditorStore;
  announce(message: string): void;
  menu: InsertMenuRequest | null;
  onCloseMenu(): void;
  onInsert(kind: string, target: InsertTarget): void;
  helpOpen: boolean;
  onHelpOpenChange(open: boolean): void;
  /** "Find a step": open, the steps it searches, what choosing one does. */
  find: FindStepDialogProps;
  choosingTemplate: boolean;
  onChoosingTemplateChange(open: boolean): void;
  /** After a template is applied: its steps are about to be drawn. */
  onTemplateApplied(): void;
}

/** What opens over the canvas: the insert menu, find a step, the shortcuts overlay, the template chooser. */
export function CanvasDialogs({
  store,
  announce,
  menu,
  onCloseMenu,
  onInsert,
  helpOpen,
  onHelpOpenChange,
  find,
  choosingTemplate,
  onChoosingTemplateChange,
  onTemplateApplied,
}: CanvasDialogsProps) {
  const intl = useIntl();
  usePrefetchWhenIdle(insertMenu);
  const applyTemplate = (template: JourneyDocument) => {
    onChoosingTemplateChange(false);
    const result = store.dispatch('applyTemplate', { template });
    if (!result.ok) announce(refusalText(intl, result));
    else {
      announce(
        intl.formatMessage({ id: 'editor.announce.templateApplied' }, { name: template.name }),
      );
      onTemplateApplied();
    }
  };
  return (
    <>
      <DrawnOnceOpened open={menu !== null}>
        <insertMenu.Component
          request={menu}
          onClose={onCloseMenu}
          onChoose={(kind, target) => {
            onCloseMenu();
            onInsert(kind, target);
          }}
        />
      </DrawnOnceOpened>
      <DrawnOnceOpened open={find.open}>
        <findStepDialog.Component {...find} />
      </DrawnOnceOpened>
      <DrawnOnceOpened open={helpOpen}>
        <shortcutsDialog.Component open={helpOpen} onOpenChange={onHelpOpenChange} />
      </DrawnOnceOpened>
      {choosingTemplate && (
        <Suspense fallback={null}>
          <TemplateDialog open onOpenChange={onChoosingTemplateChange} onChoose={applyTemplate} />
        </Suspense>
      )}
    </>
  );
}
