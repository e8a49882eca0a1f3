import { FORM_TEXT } from '../messages';
import { issuesUnder } from '../utils/form-model';
import { inputFromNumber, numberFromInput } from '../utils/inputs';
import { evenWeights, nextVariantId, type VariantValue, variantsOf, weightsTotal } from '../utils/weights-model';
import { IssueList } from './issue-list';
import type { FieldWidget, WidgetProps } from './widget';

/** Variants with their shares; the live total counts the linked holdout and must reach 100 %. */
function WeightsField({ field, inputId, labelId, value, onChange, locale, issues, values }: WidgetProps) {
  const variants = variantsOf(value);
  const holdout = field.hints.linkedField ? values[field.hints.linkedField] : 0;
  const total = weightsTotal(variants, holdout);
  const update = (index: number, change: Partial<VariantValue>) => onChange(variants.map((variant, at) => (at === index ? { ...variant, ...change } : variant)));
  return (
    <div className="config-form__list" role="group" aria-labelledby={labelId}>
      {variants.map((variant, index) => {
        const rowIssues = issuesUnder(issues, [index]);
        return (
          <div key={index} className="config-form__item">
            <div className="config-form__row">
              <label className="config-form__inline">
                {FORM_TEXT.exitId[locale]}
                <input id={index === 0 ? inputId : undefined} type="text" className="config-form__short" value={variant.id ?? ''} onChange={(event) => update(index, { id: event.target.value })} />
              </label>
              <label className="config-form__inline config-form__grow">
                {FORM_TEXT.variantName[locale]}
                <input type="text" value={variant.name ?? ''} onChange={(event) => update(index, { name: event.target.value || undefined })} />
              </label>
              <label className="config-form__inline">
                {FORM_TEXT.share[locale]}
                <input
                  type="number"
                  min={1}
                  max={100}
                  className="config-form__number"
                  value={inputFromNumber(variant.weight)}
                  aria-invalid={rowIssues.some((issue) => issue.path[0] === 'weight') || undefined}
                  onChange={(event) => update(index, { weight: numberFromInput(event.target.value) as number })}
                />
              </label>
              <button type="button" className="button button--ghost button--small" onClick={() => onChange(variants.filter((_, at) => at !== index))}>
                {FORM_TEXT.remove[locale]}
              </button>
            </div>
            <IssueList issues={rowIssues} nested={false} />
          </div>
        );
      })}
      <p className={`config-form__total${total === 100 ? '' : ' config-form__total--off'}`} aria-live="polite">
        {FORM_TEXT.total[locale]}: {total} %
        {typeof holdout === 'number' && holdout > 0 ? ` (${FORM_TEXT.holdout[locale]} ${holdout} %)` : ''}
      </p>
      <div className="config-form__row">
        <button type="button" className="button button--small" onClick={() => onChange([...variants, { id: nextVariantId(variants), weight: 0 }])}>
          {FORM_TEXT.addVariant[locale]}
        </button>
        <button type="button" className="button button--small" disabled={variants.length === 0} onClick={() => onChange(evenWeights(variants, holdout))}>
          {FORM_TEXT.splitEvenly[locale]}
        </button>
      </div>
    </div>
  );
}

export const weightsWidget: FieldWidget = {
  Component: WeightsField,
  blank: () => [
    { id: 'a', weight: 50 },
    { id: 'b', weight: 50 },
  ],
};
