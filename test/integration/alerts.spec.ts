import { describe, expect, it } from 'vitest';
import { EngineWithMerchant, useEngineWithMerchant } from '../support/engine';
import { apiClient, createMerchant, createUser, logIn, sessionClient, testDb, TestMerchant, waitFor } from '../support/fixtures';
import { publishFlow, publishTemplate } from '../support/flows';

type Api = EngineWithMerchant['api'];

/**
 * The alert_team node on the running stack: the alert row and its API (list, filters, paging, one, assign,
 * resolve, refusals, other merchants), and the built-in e-mail to the team address, which the customer
 * guards leave alone.
 */
describe('alert_team node and alerts', () => {
  const context = useEngineWithMerchant();
  let scanned = Date.parse('2026-11-30T08:00:00Z');

  async function shop(): Promise<{ merchant: TestMerchant; api: Api }> {
    const merchant = await createMerchant();
    return { merchant, api: apiClient(context.engine.url, merchant.apiKey) };
  }

  async function publishAlertFlow(api: Api, config: Record<string, unknown>) {
    const templateId = await publishTemplate(api, 'Customer update');
    await publishFlow(api, 'Problems', {
      nodes: [
        { id: 'trigger', type: 'status_changed', config: { statuses: ['exception'] } },
        { id: 'alert', type: 'alert_team', config },
        { id: 'email', type: 'send_email', config: { templateId } },
      ],
      edges: [
        ['trigger', 'next', 'alert'],
        ['alert', 'next', 'email'],
      ],
    });
  }

  /** A shipment of this shop whose carrier reports an exception. */
  async function exception(api: Api, number: string, customer: Record<string, unknown>): Promise<string> {
    const created = await api('POST', '/api/v1/shipments', { trackingNumber: number, carrier: 'fedex', orderNumber: '#1 <b>', customer });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    scanned += 60_000;
    const events = [{ carrier: 'fedex', trackingNumber: number, code: 'DE', occurredAt: new Date(scanned).toISOString() }];
    expect((await api('POST', '/api/v1/tracking-events', { events })).status).toBe(202);
    return created.body.id;
  }

  async function alertsOf(api: Api, shipmentId: string) {
    return waitFor(async () => {
      const page = await api('GET', `/api/v1/alerts?shipmentId=${shipmentId}`);
      return page.body.items?.length > 0 && page.body.items;
    }, 30_000, 'an alert');
  }

  async function teamEmails(address: string) {
    return waitFor(async () => {
      const { rows } = await testDb().query(
        `SELECT c.subject, c.html, c.text, m.channel FROM captured_emails c JOIN messages m ON m.message_id = btrim(c.message_id, '<>')
          WHERE $1 = ANY(c.envelope_to)`,
        [address],
      );
      return rows.length > 0 && rows;
    }, 30_000, `an e-mail to ${address}`);
  }

  it('opens one alert per run and e-mails the team in the node’s language, escaping what the shop and customer typed, even in quiet hours', async () => {
    const { merchant, api } = await shop();
    // Quiet the whole day: a customer e-mail waits, the team's does not.
    expect((await api('PUT', '/api/v1/settings/sending-policy', { timezone: 'UTC', quietHours: { start: '00:00', end: '23:59' }, frequencyCaps: [] })).status).toBe(200);
    await publishAlertFlow(api, { title: 'Paquete <perdido>', note: 'Llamar & reembolsar', language: 'es' });
    const shipmentId = await exception(api, 'ALERT-1', { email: 'ana@example.com', name: '<script>x</script>' });

    const [alert] = await alertsOf(api, shipmentId);
    expect(alert).toMatchObject({ state: 'open', title: 'Paquete <perdido>', note: 'Llamar & reembolsar', trackingNumber: 'ALERT-1', nodeId: 'alert', assignee: null });
    const [email] = await teamEmails(merchant.email);
    expect(email.channel).toBe('team_email');
    expect(email.subject).toBe('[Alerta] Paquete <perdido> · ALERT-1');
    expect(email.html).toContain('Paquete &lt;perdido&gt;');
    expect(email.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('Llamar & reembolsar');
    expect(email.text).toContain('Estado: Incidencia en el envío');
    const { rows } = await testDb().query(`SELECT channel, state FROM messages WHERE shipment_id = $1 ORDER BY channel`, [shipmentId]);
    expect(rows).toEqual([{ channel: 'email', state: 'queued' }, { channel: 'team_email', state: 'sent' }]);
    expect((await testDb().query(`SELECT count(*)::int AS n FROM alerts WHERE shipment_id = $1`, [shipmentId])).rows[0].n).toBe(1);
  });

  it('sends to the team address an owner set, and only an owner may set it', async () => {
    const { merchant, api } = await shop();
    expect((await api('GET', '/api/v1/settings/team')).body).toEqual({ teamEmail: null, effectiveTeamEmail: merchant.email });
    expect((await api('PUT', '/api/v1/settings/team', { teamEmail: 'ops@example.com' })).status).toBe(403);
    const owner = sessionClient(context.engine.url, await logIn(context.engine.url, merchant.email, merchant.password));
    expect((await owner('PUT', '/api/v1/settings/team', { teamEmail: 'nope' })).body.details).toEqual([expect.objectContaining({ field: 'teamEmail' })]);
    const marketer = await createUser(merchant.merchantId, 'marketer');
    const asMarketer = sessionClient(context.engine.url, await logIn(context.engine.url, marketer.email, marketer.password));
    expect((await asMarketer('PUT', '/api/v1/settings/team', { teamEmail: 'ops@example.com' })).status).toBe(403);
    const put = await owner('PUT', '/api/v1/settings/team', { teamEmail: 'Ops@Example.com' });
    expect(put.body).toEqual({ teamEmail: 'ops@example.com', effectiveTeamEmail: 'ops@example.com' });

    await publishAlertFlow(api, { title: 'Lost parcel' });
    await exception(api, 'ALERT-OPS', { email: 'bo@example.com' });
    const [email] = await teamEmails('ops@example.com');
    expect(email.subject).toBe('[Alert] Lost parcel · ALERT-OPS');
  });

  it('moves an alert open → assigned → resolved with who and when, refusing what does not apply with 4xx naming why', async () => {
    const { merchant, api } = await shop();
    await publishAlertFlow(api, { title: 'Check address' });
    const shipmentId = await exception(api, 'ALERT-2', { email: 'cy@example.com' });
    const [alert] = await alertsOf(api, shipmentId);
    const ownerId = (await testDb().query(`SELECT id FROM users WHERE email = $1`, [merchant.email])).rows[0].id;
    const agent = await createUser(merchant.merchantId, 'agent');

    const byEmail = await api('POST', `/api/v1/alerts/${alert.id}/assign`, { email: merchant.email.toUpperCase() });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toMatchObject({ state: 'assigned', assignee: { id: ownerId, email: merchant.email }, assignedBy: { kind: 'api_key' } });
    expect(byEmail.body.assignedAt).toEqual(expect.any(String));
    const reassigned = await api('POST', `/api/v1/alerts/${alert.id}/assign`, { userId: agent.userId });
    expect(reassigned.body).toMatchObject({ state: 'assigned', assignee: { id: agent.userId } });
    expect((await api('GET', `/api/v1/alerts?assigneeId=${agent.userId}`)).body.items.map((a: { id: string }) => a.id)).toEqual([alert.id]);

    for (const [body, field] of [
      [{}, 'userId'],
      [{ userId: agent.userId, email: agent.email }, 'userId'],
      [{ email: 'stranger@example.com' }, 'email'],
      [{ userId: '00000000-0000-4000-8000-000000000000' }, 'userId'],
    ] as const) {
      const refused = await api('POST', `/api/v1/alerts/${alert.id}/assign`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ field })]);
    }

    const resolved = await api('POST', `/api/v1/alerts/${alert.id}/resolve`, {});
    expect(resolved.body).toMatchObject({ state: 'resolved', resolvedBy: { kind: 'api_key' }, assignee: { id: agent.userId } });
    for (const path of ['resolve', 'assign']) {
      const again = await api('POST', `/api/v1/alerts/${alert.id}/${path}`, { userId: agent.userId });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ error: 'invalid_transition', details: [{ field: 'state', message: 'the alert is resolved already' }] });
    }
    expect((await api('GET', `/api/v1/alerts/${alert.id}`)).body.state).toBe('resolved');
  });

  it('lists newest first with filters and keyset pages, refusing a bad filter or cursor naming it', async () => {
    const { api } = await shop();
    await publishAlertFlow(api, { title: 'Paged' });
    const ids = [await exception(api, 'PAGE-1', { email: 'p1@example.com' }), await exception(api, 'PAGE-2', { email: 'p2@example.com' }), await exception(api, 'PAGE-3', { email: 'p3@example.com' })];
    for (const id of ids) await alertsOf(api, id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { trackingNumber: string }[]; nextCursor: string | null } } = await api('GET', `/api/v1/alerts?state=open&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((a) => a.trackingNumber));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['PAGE-3', 'PAGE-2', 'PAGE-1']);
    expect((await api('GET', '/api/v1/alerts?state=resolved')).body.items).toEqual([]);
    for (const [query, field] of [['state=closed', 'state'], ['cursor=abc', 'cursor'], ['limit=0', 'limit'], ['shipmentId=1', 'shipmentId']]) {
      const refused = await api('GET', `/api/v1/alerts?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ field })]);
    }
  });

  it('documents the alerts, team and webhook signing endpoints in the OpenAPI document', async () => {
    const doc = await (await fetch(`${context.engine.url}/api/docs-json`)).json();
    for (const [path, method] of [
      ['/api/v1/alerts', 'get'],
      ['/api/v1/alerts/{id}', 'get'],
      ['/api/v1/alerts/{id}/assign', 'post'],
      ['/api/v1/alerts/{id}/resolve', 'post'],
      ['/api/v1/settings/team', 'put'],
      ['/api/v1/settings/webhook-signing/rotate', 'post'],
    ]) {
      expect(doc.paths[path]?.[method]?.responses?.['200'], `${method} ${path}`).toBeDefined();
    }
  });

  it('shows another merchant none of it: its alerts are 404s and its list is empty', async () => {
    const { api } = await shop();
    await publishAlertFlow(api, { title: 'Mine' });
    const shipmentId = await exception(api, 'ALERT-MINE', { email: 'mine@example.com' });
    const [alert] = await alertsOf(api, shipmentId);
    const { merchant: otherShop, api: other } = await shop();
    expect((await other('GET', '/api/v1/alerts')).body.items).toEqual([]);
    expect((await other('GET', `/api/v1/alerts/${alert.id}`)).status).toBe(404);
    expect((await other('POST', `/api/v1/alerts/${alert.id}/resolve`, {})).status).toBe(404);
    expect((await other('POST', `/api/v1/alerts/${alert.id}/assign`, { email: otherShop.email })).status).toBe(404);
    expect((await api('GET', `/api/v1/alerts/${alert.id}`)).body.state).toBe('open');
  });
});
