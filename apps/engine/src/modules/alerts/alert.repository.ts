import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlertState } from '@postino/api-contract';
import { DataSource } from 'typeorm';
import { cursorTimeSql, KeysetPosition } from '../../common/http/keyset-cursor';

export interface AlertRow {
  id: string;
  state: AlertState;
  title: string;
  note: string | null;
  shipmentId: string;
  trackingNumber: string;
  runId: string;
  flowId: string;
  nodeId: string;
  assignee: { id: string; email: string; name: string } | null;
  assignedAt: Date | null;
  assignedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  cursorAt: string;
}

export interface AlertFilter {
  state?: AlertState;
  shipmentId?: string;
  assigneeId?: string;
  after?: KeysetPosition;
  limit: number;
}

const ALERT_COLUMNS = `
  a.id, a.state, a.title, a.note, a.shipment_id AS "shipmentId", s.tracking_number AS "trackingNumber",
  a.run_id AS "runId", v.flow_id AS "flowId", a.node_id AS "nodeId",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'email', u.email, 'name', u.name) END AS assignee,
  a.assigned_at AS "assignedAt", a.assigned_by AS "assignedBy", a.resolved_at AS "resolvedAt", a.resolved_by AS "resolvedBy",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt", ${cursorTimeSql('a.created_at')} AS "cursorAt"`;

const ALERT_JOINS = `
  JOIN shipments s ON s.id = a.shipment_id
  JOIN flow_runs r ON r.id = a.run_id
  JOIN flow_versions v ON v.id = r.flow_version_id
  LEFT JOIN users u ON u.id = a.assignee_id AND u.merchant_id = a.merchant_id`;

/** Alerts of one merchant: read newest first, and moved through their states by conditional updates. */
@Injectable()
export class AlertRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(merchantId: string, filter: AlertFilter): Promise<AlertRow[]> {
    const params: unknown[] = [merchantId];
    const where = ['a.merchant_id = $1'];
    if (filter.state) where.push(`a.state = $${params.push(filter.state)}`);
    if (filter.shipmentId) where.push(`a.shipment_id = $${params.push(filter.shipmentId)}`);
    if (filter.assigneeId) where.push(`a.assignee_id = $${params.push(filter.assigneeId)}`);
    if (filter.after) {
      const at = params.push(filter.after.at);
      const id = params.push(filter.after.id);
      where.push(`(a.created_at, a.id) < ($${at}::timestamptz, $${id}::uuid)`);
    }
    const limit = params.push(filter.limit + 1);
    return this.db.query(
      `SELECT ${ALERT_COLUMNS} FROM alerts a ${ALERT_JOINS}
        WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT $${limit}`,
      params,
    );
  }

  async findById(merchantId: string, id: string): Promise<AlertRow | null> {
    const rows = await this.db.query(`SELECT ${ALERT_COLUMNS} FROM alerts a ${ALERT_JOINS} WHERE a.merchant_id = $1 AND a.id = $2`, [merchantId, id]);
    return rows[0] ?? null;
  }

  /** Assigns an alert that is not resolved; false when there is none such (missing, or resolved). */
  async assign(merchantId: string, id: string, assigneeId: string, by: string, at: Date): Promise<boolean> {
    // An UPDATE answers [rows, count].
    const [rows]: [{ id: string }[]] = await this.db.query(
      `UPDATE alerts SET state = 'assigned', assignee_id = $3, assigned_by = $4, assigned_at = $5, updated_at = $5
        WHERE merchant_id = $1 AND id = $2 AND state <> 'resolved' RETURNING id`,
      [merchantId, id, assigneeId, by, at],
    );
    return rows.length === 1;
  }

  /** Resolves an alert that is not resolved yet; false when there is none such. */
  async resolve(merchantId: string, id: string, by: string, at: Date): Promise<boolean> {
    const [rows]: [{ id: string }[]] = await this.db.query(
      `UPDATE alerts SET state = 'resolved', resolved_by = $3, resolved_at = $4, updated_at = $4
        WHERE merchant_id = $1 AND id = $2 AND state <> 'resolved' RETURNING id`,
      [merchantId, id, by, at],
    );
    return rows.length === 1;
  }

  /** The shop's user with this id or e-mail (any case), if there is one. */
  async findUser(merchantId: string, by: { userId?: string; email?: string }): Promise<{ id: string } | null> {
    const rows = await this.db.query(
      `SELECT id FROM users WHERE merchant_id = $1 AND (id = $2::uuid OR lower(email) = lower($3::text))`,
      [merchantId, by.userId ?? null, by.email ?? null],
    );
    return rows[0] ?? null;
  }
}
