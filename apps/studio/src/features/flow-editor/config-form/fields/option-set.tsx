import type { Locale } from '@postino/status';
import { FORM_TEXT } from '../messages';
import { toggleIn } from '../utils/inputs';

export interface Option {
  value: string;
  label: string;
}

interface OptionSetProps {
  id: string;
  labelId?: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  locale: Locale;
  /** Values shown but not offered (another case leads to them). */
  unavailable?: ReadonlySet<string>;
  invalid?: boolean;
}

/** Short lists as toggles; long ones (carriers, countries) as chips of the chosen values and a list to add from. */
const TOGGLES_UP_TO = 12;

/** A multiple choice among options. Values not among them (a stored config's) show by their code, to remove. */
export function OptionSet({ id, labelId, options, selected, onChange, locale, unavailable, invalid }: OptionSetProps) {
  const order = options.map((option) => option.value);
  const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;

  if (options.length <= TOGGLES_UP_TO) {
    return (
      <div className="config-form__toggles" role="group" aria-labelledby={labelId} id={id} aria-invalid={invalid || undefined}>
        {options.map((option) => (
          <label key={option.value} className="config-form__toggle">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              disabled={unavailable?.has(option.value) && !selected.includes(option.value)}
              onChange={() => onChange(toggleIn(selected, option.value, order))}
            />
            {option.label}
          </label>
        ))}
        {selected.filter((value) => !order.includes(value)).map((value) => (
          <SelectedChip key={value} label={value} locale={locale} onRemove={() => onChange(selected.filter((item) => item !== value))} />
        ))}
      </div>
    );
  }

  return (
    <div className="config-form__option-set">
      {selected.length > 0 && (
        <ul className="config-form__chips">
          {selected.map((value) => (
            <li key={value}>
              <SelectedChip label={labelOf(value)} locale={locale} onRemove={() => onChange(selected.filter((item) => item !== value))} />
            </li>
          ))}
        </ul>
      )}
      <select
        id={id}
        aria-labelledby={labelId}
        aria-invalid={invalid || undefined}
        value=""
        onChange={(event) => event.target.value && onChange(toggleIn(selected, event.target.value, order))}
      >
        <option value="">{FORM_TEXT.add[locale]}</option>
        {options
          .filter((option) => !selected.includes(option.value) && !unavailable?.has(option.value))
          .map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
      </select>
    </div>
  );
}

function SelectedChip({ label, locale, onRemove }: { label: string; locale: Locale; onRemove: () => void }) {
  return (
    <span className="config-form__chip">
      {label}
      <button type="button" className="config-form__chip-remove" aria-label={`${FORM_TEXT.remove[locale]} ${label}`} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}

export function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
