import type { IntlShape } from 'react-intl';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ReactNode } from 'react';
import type { TEMPLATES } from '../domain/index.ts';
import { LIFECYCLE_STAGE_MESSAGES, TEMPLATE_MESSAGES } from '../i18n/domain-labels.ts';
import './template-option.css';

type Template = (typeof TEMPLATES)[number];

/** A template's name and description in the user's language (its English ones if new). */
export function templateText(intl: IntlShape, template: Template) {
  const messages = TEMPLATE_MESSAGES[template.id];
  return messages
    ? {
        name: intl.formatMessage(messages.name),
        description: intl.formatMessage(messages.description),
      }
    : { name: template.name, description: template.description };
}

/** The radio group the template options sit in. */
export function TemplateChoices(props: {
  legend: ReactNode;
  /** Hide the legend when the dialog's title already says what is chosen. */
  legendHidden?: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset className="template-grid">
      <legend className={props.legendHidden === true ? 'visually-hidden' : 'field-label'}>
        {props.legend}
      </legend>
      {props.children}
    </fieldset>
  );
}

/** One choice of a radio group: its title and a line below it. */
export function ChoiceOption(props: {
  name: string;
  checked: boolean;
  onChange(): void;
  title: ReactNode;
  detail: ReactNode;
}) {
  return (
    <label className="template-option">
      <input type="radio" name={props.name} checked={props.checked} onChange={props.onChange} />
      <span>
        <strong>{props.title}</strong>
        <span className="muted">{props.detail}</span>
      </span>
    </label>
  );
}

/** A lifecycle template as a choice: its name, stage and description in the user's language. */
export function TemplateOption(props: {
  template: Template;
  name: string;
  checked: boolean;
  onChange(): void;
}) {
  const intl = useIntl();
  const text = templateText(intl, props.template);
  return (
    <ChoiceOption
      name={props.name}
      checked={props.checked}
      onChange={props.onChange}
      title={text.name}
      detail={
        <FormattedMessage
          id="journeys.new.templateDetail"
          values={{
            stage: intl.formatMessage(LIFECYCLE_STAGE_MESSAGES[props.template.lifecycleStage]),
            description: text.description,
          }}
        />
      }
    />
  );
}
