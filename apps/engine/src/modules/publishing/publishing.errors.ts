import { HttpStatus } from '@nestjs/common';
import type { PublicationStatus } from '@postino/api-contract';
import { ApiError } from '../../common/http/api-error';

/**
 * 409 `draft_conflict`: the draft moved on since the revision the caller edited. Nothing was written; the
 * answer carries the current revision and the current draft, so an editor can offer "reload" or "keep mine"
 * (save again with `currentRevision`).
 */
export function draftConflict(label: string, edited: number, currentRevision: number, current: unknown): ApiError {
  const message = `The ${label.toLowerCase()} was changed since revision ${edited} (it is at revision ${currentRevision}): reload it, or save again with revision ${currentRevision} to keep yours`;
  return new ApiError(HttpStatus.CONFLICT, 'draft_conflict', message, [
    { field: 'revision', message, currentRevision, current },
  ]);
}

/** 409 `status_conflict`: the action does not apply in the current state (e.g. pausing an unpublished flow). */
export function statusConflict(reason: string, status: PublicationStatus): ApiError {
  return new ApiError(HttpStatus.CONFLICT, 'status_conflict', reason, [{ field: 'status', message: reason, status }]);
}

export function versionNotFound(label: string): ApiError {
  return ApiError.notFound(`${label} version`);
}
