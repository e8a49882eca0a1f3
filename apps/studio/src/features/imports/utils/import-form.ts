import { createImportQuerySchema } from '@postino/api-contract';
import { z } from 'zod';

/** What a file input holds: a FileList, read by index. */
interface FilesLike {
  readonly length: number;
  readonly [index: number]: File;
}

const isFiles = (value: unknown): value is FilesLike =>
  typeof value === 'object' && value !== null && typeof (value as FilesLike).length === 'number';

/** The import form: the kind as the API names it, and exactly one chosen file. */
export const importFormSchema = z.object({
  kind: createImportQuerySchema.shape.kind,
  file: z
    .custom<FilesLike>((value) => isFiles(value) && value.length === 1, 'Choose a CSV file to import.')
    .transform((files) => files[0]),
});
export type ImportFormInput = z.input<typeof importFormSchema>;
