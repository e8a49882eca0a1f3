import { zodResolver } from '@hookform/resolvers/zod';
import { listCustomersQuerySchema } from '@postino/api-contract';
import { useCallback, useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { useDebouncedSubmit } from '../../../hooks/use-debounced-submit';

const searchSchema = listCustomersQuerySchema.pick({ q: true });

interface CustomerSearchFormProps {
  q: string;
  /** `typing` is true for searches made while typing, which should not each add a browser history entry. */
  onSearch: (q: string, typing: boolean) => void;
}

export function CustomerSearchForm({ q, onSearch }: CustomerSearchFormProps) {
  const id = useId();
  const { register, handleSubmit, watch, reset, getValues, formState } = useForm({
    resolver: zodResolver(searchSchema),
    defaultValues: { q },
  });

  // Follow the URL when it changes from outside (back button, "Clear search").
  useEffect(() => {
    if ((getValues('q') ?? '').trim() !== q) reset({ q });
  }, [q, getValues, reset]);

  const submitTyped = useCallback(() => void handleSubmit((values) => onSearch(values.q ?? '', true))(), [handleSubmit, onSearch]);
  useDebouncedSubmit(watch('q') ?? '', q, submitTyped);

  const error = formState.errors.q?.message;
  return (
    <form
      className="filters"
      role="search"
      aria-label="Search customers"
      noValidate
      onSubmit={handleSubmit((values) => onSearch(values.q ?? '', false))}
    >
      <div className="field field--grow">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="E-mail, name or phone number"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...register('q')}
        />
        {error && (
          <p id={`${id}-error`} className="field__error" role="alert">
            Search {error}.
          </p>
        )}
      </div>
    </form>
  );
}
