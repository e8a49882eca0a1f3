import { useState } from 'react';
import { FORM_TEXT } from '../messages';
import { addTags } from '../utils/inputs';
import { IssueList } from './issue-list';
import { listOf } from './option-set';
import type { FieldWidget, WidgetProps } from './widget';

export function TagsInput({ inputId, value, onChange, locale, invalid }: Pick<WidgetProps, 'inputId' | 'value' | 'onChange' | 'locale'> & { invalid?: boolean }) {
  const [typed, setTyped] = useState('');
  const tags = listOf(value);
  const commit = () => {
    if (typed.trim()) onChange(addTags(tags, typed));
    setTyped('');
  };
  return (
    <div className="config-form__option-set">
      {tags.length > 0 && (
        <ul className="config-form__chips">
          {tags.map((tag) => (
            <li key={tag} className="config-form__chip">
              {tag}
              <button
                type="button"
                className="config-form__chip-remove"
                aria-label={`${FORM_TEXT.remove[locale]} ${tag}`}
                onClick={() => onChange(tags.filter((item) => item !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        type="text"
        value={typed}
        placeholder={FORM_TEXT.addTag[locale]}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          // A comma ends a tag, as in imports: a pasted "a, b" becomes two.
          if (!event.target.value.includes(',')) return setTyped(event.target.value);
          onChange(addTags(tags, event.target.value));
          setTyped('');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
        onBlur={commit}
      />
    </div>
  );
}

function TagsField({ inputId, value, onChange, locale, issues }: WidgetProps) {
  return (
    <>
      <TagsInput inputId={inputId} value={value} onChange={onChange} locale={locale} invalid={issues.length > 0} />
      <IssueList issues={issues} />
    </>
  );
}

export const tagsWidget: FieldWidget = { Component: TagsField, blank: () => [] };
