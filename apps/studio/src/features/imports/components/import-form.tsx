import { zodResolver } from '@hookform/resolvers/zod';
import { IMPORT_KINDS } from '@postino/api-contract';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../../lib/api-error';
import type { StartImportInput } from '../api/start-import';
import { importFormSchema, type ImportFormInput } from '../utils/import-form';
import { exampleFileUrl, importKindHints, importKindLabels } from '../utils/import-kinds';
import '../imports.css';

interface ImportFormProps {
  onStart: (input: StartImportInput) => void;
  uploading: boolean;
  error: unknown;
}

export function ImportForm({ onStart, uploading, error }: ImportFormProps) {
  const id = useId();
  const { register, handleSubmit, formState } = useForm<ImportFormInput, unknown, StartImportInput>({
    resolver: zodResolver(importFormSchema),
    defaultValues: { kind: 'orders' },
  });
  const fileError = formState.errors.file?.message;

  return (
    <form className="form" aria-label="Import a CSV file" noValidate onSubmit={handleSubmit(onStart)}>
      <fieldset className="import-kinds">
        <legend>What the file holds</legend>
        {IMPORT_KINDS.map((kind) => (
          <div key={kind} className="import-kind">
            <label className="choice">
              <input type="radio" value={kind} {...register('kind')} /> {importKindLabels[kind]}
            </label>
            <p className="field__hint">
              {importKindHints[kind]}{' '}
              <a href={exampleFileUrl(kind)} download>
                Download the example file<span className="visually-hidden"> for {importKindLabels[kind].toLowerCase()}</span>
              </a>
            </p>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-file`}>CSV file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${id}-file-note`}
          {...register('file')}
        />
        {fileError ? (
          <p id={`${id}-file-note`} className="field__error" role="alert">
            {fileError}
          </p>
        ) : (
          <p id={`${id}-file-note`} className="field__hint">
            UTF-8 (with or without BOM), comma or semicolon separated. Good rows are kept when others fail, and importing
            the same file again creates no duplicates.
          </p>
        )}
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={uploading} aria-busy={uploading}>
          {uploading ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
