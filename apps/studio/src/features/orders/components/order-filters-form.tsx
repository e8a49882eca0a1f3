import { zodResolver } from '@hookform/resolvers/zod';
import { ORDER_STATUSES } from '@postino/api-contract';
import { useCallback, useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { useDebouncedSubmit } from '../../../hooks/use-debounced-submit';
import type { OrderFilters } from '../types';
import { hasActiveFilters } from '../utils/order-filters';
import { orderFiltersFormSchema, toFormValues, type OrderFiltersFormValues } from '../utils/order-filters-form';
import { orderStatusLabels } from '../utils/order-status';

interface OrderFiltersFormProps {
  filters: OrderFilters;
  /** `typing` is true for searches made while typing, which should not each add a browser history entry. */
  onChange: (filters: OrderFilters, typing: boolean) => void;
}

export function OrderFiltersForm({ filters, onChange }: OrderFiltersFormProps) {
  const id = useId();
  const { register, handleSubmit, watch, reset, getValues, formState } = useForm({
    resolver: zodResolver(orderFiltersFormSchema),
    defaultValues: toFormValues(filters),
  });

  // Follow the URL when it changes from outside (back button, "Clear filters").
  useEffect(() => {
    const current = getValues();
    const next = toFormValues(filters);
    if (current.q.trim() !== next.q || current.status !== next.status || current.from !== next.from || current.to !== next.to) {
      reset(next);
    }
  }, [filters, getValues, reset]);

  const apply = useCallback(
    (typing: boolean) => (values: OrderFiltersFormValues) => onChange({ ...values, customerId: filters.customerId }, typing),
    [onChange, filters.customerId],
  );
  const submitTyped = useCallback(() => void handleSubmit(apply(true))(), [handleSubmit, apply]);
  useDebouncedSubmit(watch('q'), filters.q ?? '', submitTyped);

  // Choices (status, days) apply at once.
  useEffect(() => {
    const subscription = watch((_values, { name }) => {
      if (name && name !== 'q') void handleSubmit(apply(false))();
    });
    return () => subscription.unsubscribe();
  }, [watch, handleSubmit, apply]);

  const errors = formState.errors;
  return (
    <form className="filters" role="search" aria-label="Filter orders" noValidate onSubmit={handleSubmit(apply(false))}>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} {...register('status')}>
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {orderStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>Placed from</label>
        <input id={`${id}-from`} type="date" {...register('from')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Placed until</label>
        <input
          id={`${id}-to`}
          type="date"
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={errors.to ? `${id}-to-error` : undefined}
          {...register('to')}
        />
        {errors.to && (
          <p id={`${id}-to-error`} className="field__error" role="alert">
            {errors.to.message}
          </p>
        )}
      </div>
      <div className="field field--grow">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Order number, customer e-mail or name"
          aria-invalid={errors.q ? true : undefined}
          {...register('q')}
        />
        {errors.q && (
          <p className="field__error" role="alert">
            Search {errors.q.message}.
          </p>
        )}
      </div>
      {hasActiveFilters(filters) && (
        <button type="button" className="button button--ghost" onClick={() => onChange({}, false)}>
          Clear filters
        </button>
      )}
    </form>
  );
}
