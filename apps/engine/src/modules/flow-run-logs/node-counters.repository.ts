import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NodeCountKind } from '../flow-runs/step-tally';

export interface NodeCountRow {
  nodeId: string;
  kind: NodeCountKind;
  port: string;
  n: number;
}

export interface VersionRef {
  id: string;
  flowId: string;
  version: number;
}

/** Reads of the node counters: a version's totals plus the deltas not yet folded into them. */
@Injectable()
export class NodeCountersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One statement, so one snapshot: a compaction moving deltas into totals commits both at once and the sum is
   * the same on either side of it. Reads the version's primary-key range of totals (nodes × counters rows) and
   * its few uncompacted deltas, never its runs or steps.
   */
  async countsOf(merchantId: string, flowVersionId: string): Promise<NodeCountRow[]> {
    const rows: (Omit<NodeCountRow, 'n'> & { n: string })[] = await this.db.query(
      `SELECT node_id AS "nodeId", kind, port, sum(n)::text AS n
         FROM (SELECT node_id, kind, port, n FROM flow_node_counts WHERE merchant_id = $1 AND flow_version_id = $2
               UNION ALL
               SELECT node_id, kind, port, n FROM flow_node_count_deltas WHERE merchant_id = $1 AND flow_version_id = $2) c
        GROUP BY node_id, kind, port`,
      [merchantId, flowVersionId],
    );
    return rows.map((row) => ({ ...row, n: Number(row.n) }));
  }

  /** A flow's version by number, or its published one when `version` is null. */
  async findVersion(merchantId: string, flowId: string, version: number | null): Promise<VersionRef | undefined> {
    const rows: VersionRef[] = await this.db.query(
      `SELECT v.id, v.flow_id AS "flowId", v.version
         FROM flow_versions v
         JOIN flows f ON f.merchant_id = v.merchant_id AND f.id = v.flow_id
        WHERE v.merchant_id = $1 AND v.flow_id = $2
          AND (CASE WHEN $3::int IS NULL THEN v.id = f.published_version_id ELSE v.version = $3 END)`,
      [merchantId, flowId, version],
    );
    return rows[0];
  }
}
