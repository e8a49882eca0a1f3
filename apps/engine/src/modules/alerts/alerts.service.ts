import { HttpStatus, Injectable } from '@nestjs/common';
import type { Alert, AssignAlertRequest, ListAlertsQuery } from '@postino/api-contract';
import type { Principal } from '../../common/auth/principal';
import { ApiError } from '../../common/http/api-error';
import { decodeKeyset, pageOf } from '../../common/http/keyset-cursor';
import { Clock } from '../clock/clock';
import { AlertRepository, AlertRow } from './alert.repository';

/** `user:<id>` or `api_key:<id>`: who moved an alert, as stored. */
function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `api_key:${principal.apiKeyId}`;
}

function actorView(stored: string | null): Alert['assignedBy'] {
  if (!stored) return null;
  const [kind, id] = stored.split(':');
  return { kind: kind as 'user' | 'api_key', id };
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

function alertView(row: AlertRow): Alert {
  return {
    id: row.id,
    state: row.state,
    title: row.title,
    note: row.note,
    shipmentId: row.shipmentId,
    trackingNumber: row.trackingNumber,
    runId: row.runId,
    flowId: row.flowId,
    nodeId: row.nodeId,
    assignee: row.assignee,
    assignedAt: iso(row.assignedAt),
    assignedBy: actorView(row.assignedBy),
    resolvedAt: iso(row.resolvedAt),
    resolvedBy: actorView(row.resolvedBy),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** 409 naming why: a resolved alert is closed for good. */
function alreadyResolved(): ApiError {
  const reason = 'the alert is resolved already';
  return new ApiError(HttpStatus.CONFLICT, 'invalid_transition', reason, [{ field: 'state', message: reason, state: 'resolved' }]);
}

/** The team's alerts: listed, read, assigned to one of the shop's users and resolved. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly clock: Clock,
  ) {}

  async list(merchantId: string, query: ListAlertsQuery) {
    const rows = await this.alerts.list(merchantId, {
      state: query.state,
      shipmentId: query.shipmentId,
      assigneeId: query.assigneeId,
      after: query.cursor ? decodeKeyset(query.cursor) : undefined,
      limit: query.limit,
    });
    return pageOf(rows, query.limit, alertView);
  }

  async get(merchantId: string, id: string): Promise<Alert> {
    const row = await this.alerts.findById(merchantId, id);
    if (!row) throw ApiError.notFound('alert');
    return alertView(row);
  }

  async assign(principal: Principal, id: string, body: AssignAlertRequest): Promise<Alert> {
    const { merchantId } = principal;
    // Another merchant's alert is a 404 whoever the body names.
    if (!(await this.alerts.findById(merchantId, id))) throw ApiError.notFound('alert');
    const user = await this.alerts.findUser(merchantId, body);
    if (!user) {
      throw ApiError.validation([
        body.userId ? { field: 'userId', message: 'is not a user of this shop' } : { field: 'email', message: 'is not the e-mail of a user of this shop' },
      ]);
    }
    if (!(await this.alerts.assign(merchantId, id, user.id, actorOf(principal), this.clock.now()))) await this.refusal(merchantId, id);
    return this.get(merchantId, id);
  }

  async resolve(principal: Principal, id: string): Promise<Alert> {
    if (!(await this.alerts.resolve(principal.merchantId, id, actorOf(principal), this.clock.now()))) await this.refusal(principal.merchantId, id);
    return this.get(principal.merchantId, id);
  }

  /** Why a transition wrote nothing: no such alert (404), or it is resolved (409). */
  private async refusal(merchantId: string, id: string): Promise<never> {
    if (!(await this.alerts.findById(merchantId, id))) throw ApiError.notFound('alert');
    throw alreadyResolved();
  }
}
