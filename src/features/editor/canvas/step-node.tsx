import { useIntl } from 'react-intl';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import {
  Children,
  lazy,
  memo,
  Suspense,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { diagnosticText } from '../../../i18n/diagnostic-text.ts';
import { useCanvasContext } from './editor-context.ts';
import type { StepFlowNode } from './flow-types.ts';
import { placeAfter } from './placement.ts';
import { shownText } from './step-geometry.ts';
import { iconImage } from './step-icon.tsx';
import './step-node.css';

// Live counts only exist once the live counts bar (itself lazy) has loaded: their pill loads then.
const ActualCount = lazy(() =>
  import('./actual-count.tsx').then((m) => ({ default: m.ActualCount })),
);

/** A count's words after its number: left out of sight when the steps are compact. */
const countWords = (chunks: ReactNode[]) => (
  <span className="step-node__count-words">{Children.toArray(chunks)}</span>
);

/** Enter or Space on a focused handle clicks it: React Flow connects two clicked handles. */
function clickOnKey(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  event.stopPropagation();
  event.currentTarget.click();
}

function StepNodeComponent({
  id,
  data,
  selected,
  positionAbsoluteX,
  positionAbsoluteY,
}: NodeProps<StepFlowNode>) {
  const intl = useIntl();
  const { openInsertMenu } = useCanvasContext();
  const addAfter = (event: MouseEvent<HTMLButtonElement>, branch: string, index: number) => {
    event.stopPropagation();
    openInsertMenu(
      {
        kind: 'branch',
        stepId: id,
        branch,
        position: placeAfter({ x: positionAbsoluteX, y: positionAbsoluteY }, index, data.direction),
      },
      event.currentTarget,
    );
  };
  // A step with one way out ("Next") gets a bare handle instead of a labelled row.
  const single =
    data.branches.length === 1 && data.branches[0]?.key === 'next' ? data.branches[0] : undefined;
  const problem =
    data.problemSeverity === undefined
      ? undefined
      : intl.formatMessage(
          { id: 'editor.step-node.problem' },
          {
            severity: data.problemSeverity,
            count: data.problemCount ?? 1,
            message:
              data.problem === undefined
                ? ''
                : diagnosticText(intl, data.problem, data.problemPlace),
          },
        );
  const shown = shownText(data);
  const down = data.direction === 'down';
  const out = down ? Position.Bottom : Position.Right;
  // A function, not a component: no extra component per branch on every step of the canvas.
  const sourceHandle = (branch: { key: string; label: string }) => (
    <Handle
      type="source"
      id={branch.key}
      position={out}
      className="step-node__source"
      aria-label={intl.formatMessage(
        { id: 'editor.step-node.branchOf' },
        { label: branch.label, label2: data.label },
      )}
      role="button"
      tabIndex={0}
      onKeyDown={clickOnKey}
    />
  );
  return (
    <div
      className={`step-node step-node--${data.category} step-node--${data.direction}${
        selected ? ' is-selected' : ''
      }${data.highlight === undefined ? '' : ` is-path-${data.highlight}`}${
        data.compare === undefined ? '' : ` is-compare-${data.compare.change}`
      }`}
      data-problem={data.problemSeverity}
      data-outside-forecast={
        data.actual?.verdict === 'below' || data.actual?.verdict === 'above'
          ? data.actual.verdict
          : undefined
      }
    >
      {(data.entered !== undefined || data.actual !== undefined) && (
        // Above the step, scaled against the zoom: readable however far out the view is.
        <span className="step-node__float">
          {data.entered !== undefined && data.actual === undefined && (
            <span
              className="step-node__count"
              title={intl.formatMessage({ id: 'editor.step-node.simulatedProfilesThatEntered' })}
            >
              {intl.formatMessage(
                { id: 'editor.step-node.entered' },
                { count: data.entered, words: countWords },
              )}
            </span>
          )}
          {data.actual !== undefined && (
            <Suspense fallback={null}>
              <ActualCount actual={data.actual} simulated={data.entered} />
            </Suspense>
          )}
        </span>
      )}
      {data.hasTarget && (
        <Handle
          type="target"
          position={down ? Position.Top : Position.Left}
          className="step-node__target"
          aria-label={intl.formatMessage({ id: 'editor.step-node.into' }, { label: data.label })}
          role="button"
          tabIndex={0}
          onKeyDown={clickOnKey}
        />
      )}
      <div
        className="step-node__header"
        style={{ backgroundImage: iconImage(data.icon, data.category) }}
      >
        <span className="step-node__kind">{data.kindLabel}</span>
        {data.compare !== undefined && (
          <span className={`step-node__compare step-node__compare--${data.compare.change}`}>
            {data.compare.label}
          </span>
        )}
        {problem !== undefined && (
          <span
            className={`step-node__badge step-node__badge--${data.problemSeverity}`}
            role="img"
            aria-label={problem}
            title={problem}
          >
            {data.problemCount ?? 1}
          </span>
        )}
      </div>
      <div className="step-node__label" title={data.label}>
        {shown.label}
      </div>
      <div className="step-node__summary" title={data.summary}>
        {shown.summary}
      </div>
      {single !== undefined && (
        <>
          {single.free && (
            <button
              type="button"
              className="step-node__add step-node__add--single nodrag nopan"
              aria-label={intl.formatMessage(
                { id: 'editor.step-node.addAStepAfter' },
                { label: data.label },
              )}
              onClick={(event) => addAfter(event, single.key, 0)}
            >
              +
            </button>
          )}
          {sourceHandle(single)}
        </>
      )}
      {single === undefined && data.branches.length > 0 && (
        <div className="step-node__branches" role="list">
          {data.branches.map((branch, index) => (
            <div key={branch.key} className="step-node__branch" role="listitem">
              <span className="step-node__branch-label">{branch.label}</span>
              {branch.free && (
                <button
                  type="button"
                  className="step-node__add nodrag nopan"
                  aria-label={intl.formatMessage(
                    { id: 'editor.step-node.addAStepAfterThe' },
                    { label: branch.label, label2: data.label },
                  )}
                  onClick={(event) => addAfter(event, branch.key, index)}
                >
                  +
                </button>
              )}
              {sourceHandle(branch)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** One step on the canvas; memoised so only steps whose data changes redraw. */
export const StepNode = memo(StepNodeComponent);
