import { HttpStatus } from '@nestjs/common';
import type { FlowIssue } from '@postino/flow-model';
import { ApiError, ApiErrorDetail } from '../../common/http/api-error';

/** The id of the node an issue path points into (['nodes', 2, …]), so the editor can highlight it. */
function nodeIdAt(definition: unknown, path: FlowIssue['path']): string | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  const nodes = (definition as { nodes?: unknown } | null)?.nodes;
  const id = Array.isArray(nodes) ? (nodes[path[1]] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * 422 `flow_invalid`: the draft cannot run. Each detail names the field as the request does
 * (`definition.nodes.1.config.statuses`) and, when the issue is inside a node, that node's id.
 */
export function flowInvalid(definition: unknown, issues: readonly FlowIssue[]): ApiError {
  const details: ApiErrorDetail[] = issues.map(({ path, message }) => {
    const nodeId = nodeIdAt(definition, path);
    return { field: ['definition', ...path].join('.'), message, ...(nodeId === undefined ? {} : { nodeId }) };
  });
  const first = details[0];
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'flow_invalid',
    `The flow cannot be published: ${first ? `${first.field}: ${first.message}` : 'it is invalid'}${more}`,
    details,
  );
}
