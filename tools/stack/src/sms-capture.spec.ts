import { afterEach, describe, expect, it } from 'vitest';
import { startSmsCapture, type CapturedSms, type RunningSmsCapture } from './sms-capture';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('startSmsCapture', () => {
  let capture: RunningSmsCapture | undefined;
  afterEach(async () => {
    await capture?.stop();
    capture = undefined;
  });

  it('accepts an SMS as a provider would, counting its segments and encoding — duplicates included', async () => {
    const stored: CapturedSms[] = [];
    capture = await startSmsCapture({ store: async (sms) => void stored.push(sms) });
    expect(capture.url).toBe(`http://127.0.0.1:${capture.port}/v1/messages`);

    const sms = { to: '+34612345678', from: 'Northwind', text: `Tu pedido está en camino ${'·'.repeat(60)}`, reference: 'ref@x' };
    const first = await post(capture.url, sms, { 'idempotency-key': 'abc@postino.local', authorization: 'Basic dTpw' });
    await post(capture.url, sms, { 'idempotency-key': 'abc@postino.local' });

    expect(first.status).toBe(201);
    const answer = await first.json();
    expect(answer).toEqual({ id: stored[0].id, status: 'accepted', segments: 2, encoding: 'UCS-2' });
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({ to: '+34612345678', from: 'Northwind', text: sms.text, segments: 2, encoding: 'UCS-2', messageId: 'abc@postino.local' });
    expect(stored[0].receivedAt).toBeInstanceOf(Date);
    expect(stored[1].id).not.toBe(stored[0].id);
  });

  it('takes the reference as the message id when no Idempotency-Key is sent, and needs no sender', async () => {
    const stored: CapturedSms[] = [];
    capture = await startSmsCapture({ store: async (sms) => void stored.push(sms) });
    await post(capture.url, { to: '+393471234567', text: 'Il pacco è in consegna', reference: 'r-1' });
    expect(stored[0]).toMatchObject({ from: null, messageId: 'r-1', segments: 1, encoding: 'GSM-7' });
  });

  it.each([
    [{ to: '612345678', text: 'hi' }, 'invalid_to'],
    [{ to: '+34612345678', text: '' }, 'invalid_text'],
    [{ to: '+34612345678', text: 'a'.repeat(1601) }, 'invalid_text'],
    [{ to: '+34612345678', text: 'hi', from: 7 }, 'invalid_from'],
    ['{"to": ', 'invalid_json'],
    [['+34612345678'], 'invalid_json'],
  ])('refuses %j with a 400 naming the problem, storing nothing', async (body, error) => {
    const stored: CapturedSms[] = [];
    capture = await startSmsCapture({ store: async (sms) => void stored.push(sms) });
    const response = await post(capture.url, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error });
    expect(stored).toEqual([]);
  });

  it('answers 404 elsewhere and 415 to a body that is not JSON', async () => {
    capture = await startSmsCapture({ store: async () => {} });
    expect((await fetch(capture.url)).status).toBe(404);
    expect((await post(capture.url.replace('/v1/messages', '/v2/sms'), {})).status).toBe(404);
    const form = await fetch(capture.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'to=%2B34612345678' });
    expect(form.status).toBe(415);
  });

  it('answers 503 when the SMS cannot be stored, so the sender retries', async () => {
    capture = await startSmsCapture({ store: () => Promise.reject(new Error('database is down')) });
    const response = await post(capture.url, { to: '+34612345678', text: 'hi' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'unavailable', message: 'SMS not stored: database is down' });
  });

  it('plays the answers a test scripts instead of accepting', async () => {
    const stored: CapturedSms[] = [];
    capture = await startSmsCapture({
      store: async (sms) => void stored.push(sms),
      answer: (sms) => (sms.text === 'fail' ? { status: 500 } : undefined),
    });
    expect((await post(capture.url, { to: '+34612345678', text: 'fail' })).status).toBe(500);
    expect((await post(capture.url, { to: '+34612345678', text: 'fine' })).status).toBe(201);
    expect(stored.map((sms) => sms.text)).toEqual(['fine']);
  });
});
