import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { useEffect, useRef } from 'react';
import {
  type Channel,
  CHANNELS,
  type ConditionGroup,
  type ConditionNode,
} from '../../domain/index.ts';
import { SelectField } from '../schema-form/select-field.tsx';
import { AttributeRuleEditor } from './attribute-rule-editor.tsx';
import { childPath, controlId, issuesAt, useBuilder } from './builder-context.ts';
import { EventCountRuleEditor } from './event-count-rule-editor.tsx';
import { newNode, type RuleType } from './rule-model.ts';
import { CHANNEL_MESSAGES } from '../../i18n/domain-labels.ts';

const ADD_TEXT = defineMessages({
  attribute: { id: 'ui.group-editor.add.attribute' },
  event_count: { id: 'ui.group-editor.add.event' },
  reachable: { id: 'ui.group-editor.add.reachable' },
  control_group: { id: 'ui.group-editor.add.controlGroup' },
  group: { id: 'ui.group-editor.add.group' },
});
const ADD_NAME = defineMessages({
  attribute: { id: 'ui.group-editor.addRule.attribute' },
  event_count: { id: 'ui.group-editor.addRule.event' },
  reachable: { id: 'ui.group-editor.addRule.reachable' },
  control_group: { id: 'ui.group-editor.addRule.controlGroup' },
  group: { id: 'ui.group-editor.addRule.group' },
});
const ADD_BUTTONS: readonly { type: RuleType; text: MessageDescriptor; name: MessageDescriptor }[] =
  (['attribute', 'event_count', 'reachable', 'control_group', 'group'] as const).map((type) => ({
    type,
    text: ADD_TEXT[type],
    name: ADD_NAME[type],
  }));

const FOCUSABLE = 'input, select, textarea, button';

export interface GroupEditorProps {
  group: ConditionGroup;
  path: string;
  /** "Group 2.1" for nested groups; the root group uses the builder's label. */
  name: string;
  /** Position among nested groups, e.g. `2.1`; `''` for the root group. */
  number: string;
  onChange(group: ConditionGroup): void;
  onRemove?: () => void;
}

interface NodeEditorProps {
  node: ConditionNode;
  path: string;
  name: string;
  onChange(node: ConditionNode): void;
}

function NodeEditor({ node, path, name, onChange }: NodeEditorProps) {
  const intl = useIntl();
  const ctx = useBuilder();
  switch (node.type) {
    case 'attribute':
      return <AttributeRuleEditor rule={node} path={path} name={name} onChange={onChange} />;
    case 'event_count':
      return <EventCountRuleEditor rule={node} path={path} name={name} onChange={onChange} />;
    case 'reachable':
      return (
        <>
          <span className="cb-word">
            <FormattedMessage id="ui.group-editor.canBeReachedBy" />
          </span>
          <SelectField
            id={controlId(ctx, childPath(path, 'channel'))}
            label={intl.formatMessage({ id: 'ui.group-editor.channel' }, { name: name })}
            hideLabel
            value={node.channel}
            options={CHANNELS.map((c) => ({
              value: c,
              label: intl.formatMessage(CHANNEL_MESSAGES[c]),
            }))}
            issues={issuesAt(ctx, childPath(path, 'channel'))}
            onChange={(c) => onChange({ ...node, channel: c as Channel })}
          />
        </>
      );
    case 'control_group':
      return (
        <SelectField
          id={controlId(ctx, childPath(path, 'inGroup'))}
          label={intl.formatMessage({ id: 'ui.group-editor.controlGroup' }, { name: name })}
          hideLabel
          value={node.inGroup ? 'in' : 'out'}
          options={[
            { value: 'in', label: intl.formatMessage({ id: 'ui.group-editor.inControlGroup' }) },
            {
              value: 'out',
              label: intl.formatMessage({ id: 'ui.group-editor.notInControlGroup' }),
            },
          ]}
          onChange={(v) => onChange({ ...node, inGroup: v === 'in' })}
        />
      );
    case 'group':
      return null;
  }
}

const RULE_KINDS = defineMessages({
  attribute: { id: 'ui.group-editor.kind.attribute' },
  event_count: { id: 'ui.group-editor.kind.event' },
  reachable: { id: 'ui.group-editor.kind.reachable' },
  control_group: { id: 'ui.group-editor.kind.controlGroup' },
  group: { id: 'ui.group-editor.kind.group' },
});

/** The word between two rules of a group: "and" or "or", as the group matches. */
function Joiner({ op }: { op: ConditionGroup['op'] }) {
  return (
    <span className="cb-joiner">
      {op === 'and' ? (
        <FormattedMessage id="ui.group-editor.and" />
      ) : (
        <FormattedMessage id="ui.group-editor.or" />
      )}
    </span>
  );
}

/** One AND/OR group: its match toggle, its rules and nested groups, and buttons to add more. */
export function GroupEditor({ group, path, name, number, onChange, onRemove }: GroupEditorProps) {
  const intl = useIntl();
  const ctx = useBuilder();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLDivElement>(null);
  // Index of the rule to focus after the next render; -1 focuses the add buttons.
  const pendingFocus = useRef<number | null>(null);
  const count = group.rules.length;

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    const host = target < 0 ? addRef.current : listRef.current?.children[target];
    host?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [count]);

  const setRule = (index: number, node: ConditionNode) =>
    onChange({ ...group, rules: group.rules.map((r, i) => (i === index ? node : r)) });
  const add = (type: RuleType) => {
    pendingFocus.current = count;
    onChange({ ...group, rules: [...group.rules, newNode(type)] });
  };
  const remove = (index: number) => {
    pendingFocus.current = count > 1 ? Math.min(index, count - 2) : -1;
    onChange({ ...group, rules: group.rules.filter((_, i) => i !== index) });
  };
  const opName = `${controlId(ctx, path)}-op`;
  const groupIssues = [...issuesAt(ctx, path), ...issuesAt(ctx, childPath(path, 'rules'))];

  return (
    <div className="cb-group" {...(number === '' ? {} : { role: 'group', 'aria-label': name })}>
      <div className="cb-group-head">
        <fieldset className="cb-op">
          <legend className="visually-hidden">
            {intl.formatMessage({ id: 'ui.group-editor.matchLegend' }, { name: name })}
          </legend>
          <span className="cb-word" aria-hidden="true">
            <FormattedMessage id="ui.group-editor.match" />
          </span>
          <label>
            <input
              type="radio"
              name={opName}
              checked={group.op === 'and'}
              onChange={() => onChange({ ...group, op: 'and' })}
            />
            <FormattedMessage id="ui.group-editor.allAnd" />
          </label>
          <label>
            <input
              type="radio"
              name={opName}
              checked={group.op === 'or'}
              onChange={() => onChange({ ...group, op: 'or' })}
            />
            <FormattedMessage id="ui.group-editor.anyOr" />
          </label>
        </fieldset>
        {onRemove !== undefined && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={onRemove}>
            <FormattedMessage id="ui.group-editor.remove" /> {name.toLowerCase()}
          </button>
        )}
      </div>
      {count === 0 && (
        <p className="field-hint">
          <FormattedMessage id="ui.group-editor.noRulesYetEveryoneMatches" />
        </p>
      )}
      {groupIssues.map((i) => (
        <p key={i.message} className={i.severity === 'error' ? 'field-error' : 'field-warning'}>
          {i.message}
        </p>
      ))}
      <ol className="cb-rules" ref={listRef}>
        {group.rules.map((node, i) => {
          const nodePath = childPath(childPath(path, 'rules'), i);
          if (node.type === 'group') {
            const nestedNumber = `${number === '' ? '' : `${number}.`}${i + 1}`;
            return (
              <li key={i} className="cb-nested">
                {i > 0 && <Joiner op={group.op} />}
                <GroupEditor
                  group={node}
                  path={nodePath}
                  name={intl.formatMessage(
                    { id: 'ui.group-editor.groupName' },
                    { number: nestedNumber },
                  )}
                  number={nestedNumber}
                  onChange={(g) => setRule(i, g)}
                  onRemove={() => remove(i)}
                />
              </li>
            );
          }
          const ruleName = intl.formatMessage({ id: 'ui.group-editor.ruleName' }, { n: i + 1 });
          const typeIssues = issuesAt(ctx, nodePath);
          return (
            <li key={i} className="cb-rule">
              {i > 0 && <Joiner op={group.op} />}
              <div
                className="cb-rule-body"
                role="group"
                aria-label={`${ruleName} (${intl.formatMessage(RULE_KINDS[node.type])})`}
              >
                <div className="cb-row-fields">
                  <NodeEditor
                    node={node}
                    path={nodePath}
                    name={ruleName}
                    onChange={(n) => setRule(i, n)}
                  />
                </div>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm cb-remove"
                  aria-label={intl.formatMessage(
                    { id: 'ui.group-editor.removeRule' },
                    { value1: i + 1 },
                  )}
                  onClick={() => remove(i)}
                >
                  ×
                </button>
              </div>
              {typeIssues.map((issue) => (
                <p key={issue.message} className="field-error">
                  {issue.message}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      <div
        className="cb-add"
        ref={addRef}
        role="group"
        aria-label={intl.formatMessage(
          { id: 'ui.group-editor.addTo' },
          { value1: name.toLowerCase() },
        )}
      >
        {ADD_BUTTONS.map((b) => (
          <button
            key={b.type}
            type="button"
            className="btn btn-sm"
            aria-label={intl.formatMessage(b.name)}
            onClick={() => add(b.type)}
          >
            {intl.formatMessage(b.text)}
          </button>
        ))}
      </div>
    </div>
  );
}
