import { useIntl } from 'react-intl';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { COUNT_LIFT, countRoom, type ArrowEnds } from './edge-count-room.ts';
import { useCanvasContext } from './editor-context.ts';
import type { JourneyFlowEdge } from './flow-types.ts';
import { STEP_WIDTH } from './step-geometry.ts';
import './journey-edge.css';

/** The CSS variables that fit an arrow's count between its steps (journey-edge.css). */
function countFit(ends: ArrowEnds, count: number): CSSProperties {
  const { room, extent } = countRoom(ends, count.toLocaleString());
  return { '--count-room': room, '--count-extent': extent } as CSSProperties;
}

function JourneyEdgeComponent({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  selected,
  markerEnd,
  data,
}: EdgeProps<JourneyFlowEdge>) {
  const intl = useIntl();
  const { openInsertMenu } = useCanvasContext();
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const insert = (event: MouseEvent<SVGPathElement> | KeyboardEvent<SVGPathElement>) => {
    event.stopPropagation();
    openInsertMenu(
      {
        kind: 'connection',
        connectionId: id,
        position: { x: labelX - STEP_WIDTH / 2, y: labelY - 40 },
      },
      event.currentTarget,
    );
  };
  const classes = [
    'journey-edge',
    selected ? 'is-selected' : '',
    data?.problem === true ? 'has-problem' : '',
    data?.highlight === undefined ? '' : `is-path-${data.highlight}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={classes}
        style={{ strokeWidth: data?.strokeWidth ?? 2 }}
        interactionWidth={24}
      />
      {/* One SVG path as the button (a circle and a plus): an HTML label or a transformed group per edge costs the compositor. */}
      <path
        className="journey-edge__add nodrag nopan"
        d={`M${labelX - 10} ${labelY}a10 10 0 1 0 20 0a10 10 0 1 0-20 0M${labelX - 4} ${labelY}h8M${labelX} ${labelY - 4}v8`}
        role="button"
        tabIndex={0}
        aria-label={intl.formatMessage(
          { id: 'editor.journey-edge.insertBetween' },
          {
            from: data?.fromLabel ?? '',
            branch: data?.branchLabel ?? '',
            to: data?.toLabel ?? '',
          },
        )}
        onClick={insert}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          insert(event);
        }}
      />
      {data?.count !== undefined && (
        <EdgeLabelRenderer>
          <div
            className="journey-edge__count nodrag nopan"
            // The count is in the edge's accessible name, whatever the zoom (to-flow.ts).
            aria-hidden
            style={{
              // Scaled against the zoom to fit between the steps, or not drawn (journey-edge.css).
              transform: `translate(${labelX}px, ${labelY - COUNT_LIFT}px) translate(-50%, -100%) scale(var(--count-scale))`,
              ...countFit({ sourceX, sourceY, targetX, targetY, sourcePosition }, data.count),
            }}
          >
            {data.count.toLocaleString()}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** An arrow between steps with a "+" at its midpoint and, after a simulation, its count. */
export const JourneyEdge = memo(JourneyEdgeComponent);
