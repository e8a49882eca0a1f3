import { z } from 'zod';
import { textSchema } from './fields';

/** What a CSV import can bring in; each kind has its columns (docs/csv-import.md, or its template file). */
export const IMPORT_KINDS = ['orders', 'products'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATES = ['running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** How many row errors an import keeps (the count goes on past it). */
export const MAX_KEPT_IMPORT_ERRORS = 10_000;

const kindSchema = z.enum(IMPORT_KINDS, `must be one of ${IMPORT_KINDS.join(', ')}`);

/** `POST /api/v1/imports?kind=…&fileName=…`, the CSV file itself being the request body. */
export const createImportQuerySchema = z.object({
  kind: kindSchema,
  /** The uploaded file's name, shown in the list of imports. */
  fileName: textSchema(255).optional(),
});
export type CreateImportQuery = z.infer<typeof createImportQuerySchema>;

export const importTemplateParamsSchema = z.object({ kind: kindSchema });

export const listImportsQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListImportsQuery = z.infer<typeof listImportsQuerySchema>;

export const importViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().nullable(),
  state: z.enum(IMPORT_STATES),
  /** The upload's Content-Length, when the client sent one. */
  bytesTotal: z.number().int().nullable(),
  bytesRead: z.number().int(),
  /** Data rows applied. */
  rowsDone: z.number().int(),
  /** Data rows refused (each has at least one entry in the error report). */
  rowsFailed: z.number().int(),
  /** What the applied rows did to the kind's items (orders or products): a second import of a file is all unchanged. */
  items: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  /** Row errors found; the first MAX_KEPT_IMPORT_ERRORS of them are in the report. */
  errorCount: z.number().int(),
  errorsUrl: z.string(),
  /** Header columns this kind does not know (a typo shows here). */
  ignoredColumns: z.array(z.string()),
  /** Why a failed import stopped; rows applied before it are kept. */
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importViewSchema>;

export const importPageSchema = z.object({ items: z.array(importViewSchema), nextCursor: z.string().nullable() });
