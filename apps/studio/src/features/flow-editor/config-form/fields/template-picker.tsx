import type { EmailTemplateSummaryView, PublicationStatus } from '@postino/api-contract';
import type { Locale } from '@postino/status';
import { Chip, type ChipTone } from '../../../../components/chip';
import { useEmailTemplates } from '../api/get-email-templates';
import { FORM_TEXT } from '../messages';
import type { FieldWidget, WidgetProps } from './widget';

const TONES: Record<PublicationStatus, ChipTone> = { draft: 'gray', published: 'green', paused: 'amber', archived: 'slate' };

/** The templates page, where a template is edited (opened beside the editor, which keeps its place). */
export function templateHref(id: string): string {
  return `/templates/${encodeURIComponent(id)}`;
}

function StatusChip({ template, locale }: { template: EmailTemplateSummaryView; locale: Locale }) {
  const label = FORM_TEXT[template.status][locale];
  return <Chip tone={TONES[template.status]}>{template.publishedVersion === null ? label : `${label} · v${template.publishedVersion}`}</Chip>;
}

/**
 * The templates to choose from, by name and state; archived ones only while chosen. The list API gives no
 * preview image, so none is drawn.
 */
function TemplatePicker({ inputId, labelId, value, onChange, locale, issues }: WidgetProps) {
  const templates = useEmailTemplates();
  const chosen = typeof value === 'string' ? value : '';
  if (templates.isPending) return <p className="field__hint">{FORM_TEXT.loadingTemplates[locale]}</p>;
  if (templates.isError) return <p className="field__error">{FORM_TEXT.templatesFailed[locale]}</p>;
  const shown = templates.data.filter((template) => template.status !== 'archived' || template.id === chosen);
  if (shown.length === 0) return <p className="field__hint">{FORM_TEXT.noTemplates[locale]}</p>;
  const missing = chosen !== '' && !shown.some((template) => template.id === chosen);
  return (
    <div className="config-form__templates" role="radiogroup" aria-labelledby={labelId} aria-invalid={issues.length > 0 || undefined}>
      {missing && <p className="field__hint">{FORM_TEXT.unknownTemplate[locale]}</p>}
      {shown.map((template, index) => (
        <div key={template.id} className={`config-form__template${template.id === chosen ? ' config-form__template--chosen' : ''}`}>
          <label className="config-form__template-choice">
            <input id={index === 0 ? inputId : undefined} type="radio" name={inputId} checked={template.id === chosen} onChange={() => onChange(template.id)} />
            <span className="config-form__template-name">{template.name}</span>
            <StatusChip template={template} locale={locale} />
          </label>
          {template.subject && <span className="config-form__template-subject">{template.subject}</span>}
          <a href={templateHref(template.id)} target="_blank" rel="noopener noreferrer" className="config-form__template-link">
            {FORM_TEXT.openTemplate[locale]}
          </a>
        </div>
      ))}
    </div>
  );
}

export const templatePicker: FieldWidget = { Component: TemplatePicker, blank: () => '' };
