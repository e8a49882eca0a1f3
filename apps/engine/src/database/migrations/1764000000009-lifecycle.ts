import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versions and lifecycle: drafts carry a revision (a save names the one it edited; a stale one is refused),
 * versions remember the revision they froze, templates point at their published version, flows can be paused
 * and archived, and a flow version pins the exact template versions its send nodes send.
 *
 * Work of a paused or archived flow is held by making it due at 'infinity' (steps and messages keep their state);
 * resuming makes it due now. The partial indexes find a flow's held rows without reading the due ones.
 */
export class Lifecycle1764000000009 implements MigrationInterface {
  name = 'Lifecycle1764000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE flows
        ADD COLUMN revision integer NOT NULL DEFAULT 1,
        ADD COLUMN paused_at timestamptz,
        ADD COLUMN archived_at timestamptz`);
    await q.query(`ALTER TABLE flow_versions ADD COLUMN draft_revision integer, ADD COLUMN pinned_versions jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      ALTER TABLE email_templates
        ADD COLUMN revision integer NOT NULL DEFAULT 1,
        ADD COLUMN published_version_id uuid REFERENCES email_template_versions(id)`);
    await q.query(`ALTER TABLE email_template_versions ADD COLUMN draft_revision integer`);

    // Until now sends used a template's latest version: that is what a template publishes from here on.
    await q.query(`
      UPDATE email_templates t SET published_version_id = (
        SELECT v.id FROM email_template_versions v WHERE v.template_id = t.id ORDER BY v.version DESC LIMIT 1)`);
    // Existing flow versions pin what their send nodes sent until now, so nothing they send changes. (Frozen
    // here on purpose: send_email was then the only node type referencing a template, by config.templateId.)
    await q.query(`
      UPDATE flow_versions fv SET pinned_versions = pins.list
        FROM (
          SELECT fv2.id, jsonb_agg(jsonb_build_object(
                   'nodeId', n.node->>'id', 'path', jsonb_build_array('templateId'), 'kind', 'email_template',
                   'id', t.id, 'versionId', tv.id, 'version', tv.version) ORDER BY n.ordinality) AS list
            FROM flow_versions fv2
           CROSS JOIN LATERAL jsonb_array_elements(fv2.definition->'nodes') WITH ORDINALITY AS n(node, ordinality)
            JOIN email_templates t ON t.merchant_id = fv2.merchant_id AND t.id::text = n.node->'config'->>'templateId'
            JOIN email_template_versions tv ON tv.id = t.published_version_id
           WHERE n.node->>'type' = 'send_email'
           GROUP BY fv2.id) AS pins
       WHERE fv.id = pins.id`);

    await q.query(`CREATE INDEX flow_steps_held ON flow_steps (merchant_id) WHERE available_at = 'infinity'`);
    await q.query(`CREATE INDEX messages_held ON messages (merchant_id) WHERE available_at = 'infinity'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messages_held`);
    await q.query(`DROP INDEX flow_steps_held`);
    // Held work goes on, as it would once the flow is resumed.
    await q.query(`UPDATE flow_steps SET available_at = now() WHERE available_at = 'infinity'`);
    await q.query(`UPDATE messages SET available_at = now() WHERE available_at = 'infinity'`);
    await q.query(`ALTER TABLE email_template_versions DROP COLUMN draft_revision`);
    await q.query(`ALTER TABLE email_templates DROP COLUMN published_version_id, DROP COLUMN revision`);
    await q.query(`ALTER TABLE flow_versions DROP COLUMN pinned_versions, DROP COLUMN draft_revision`);
    await q.query(`ALTER TABLE flows DROP COLUMN archived_at, DROP COLUMN paused_at, DROP COLUMN revision`);
  }
}
