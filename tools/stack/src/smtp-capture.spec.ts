import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpCapture, type CapturedMail, type RunningSmtpCapture } from './smtp-capture';

function transportTo(capture: RunningSmtpCapture) {
  return nodemailer.createTransport({ host: '127.0.0.1', port: capture.port, secure: false, ignoreTLS: true });
}

/** Sends SMTP commands one at a time and returns each reply, the greeting first. */
function smtpDialogue(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const replies: string[] = [];
    let pending = '';
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      pending += chunk;
      // A reply is complete once a line has a space after its code ("250 OK", not "250-SIZE").
      if (!/^\d{3} .*\r\n$/m.test(pending)) return;
      replies.push(pending);
      pending = '';
      const next = commands[replies.length - 1];
      if (next === undefined) socket.end(() => resolve(replies));
      else socket.write(`${next}\r\n`);
    });
  });
}

const shippedMail = {
  from: 'Corner Shop <shop@example.com>',
  to: 'ada@example.org',
  subject: 'Your parcel is on its way',
  text: 'Track it with PST-1',
  html: '<p>Track it with <b>PST-1</b></p>',
};

describe('startSmtpCapture', () => {
  let capture: RunningSmtpCapture | undefined;
  afterEach(async () => {
    await capture?.stop();
    capture = undefined;
  });

  it('hands every received message, parsed, to the store — duplicates included', async () => {
    const stored: CapturedMail[] = [];
    capture = await startSmtpCapture({ store: async (mail) => void stored.push(mail) });
    expect(capture.url).toBe(`smtp://127.0.0.1:${capture.port}`);

    const transport = transportTo(capture);
    await transport.sendMail({ ...shippedMail, envelope: { from: 'bounces@example.com', to: ['ada@example.org'] } });
    await transport.sendMail(shippedMail);

    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      envelopeFrom: 'bounces@example.com',
      envelopeTo: ['ada@example.org'],
      subject: 'Your parcel is on its way',
      from: '"Corner Shop" <shop@example.com>',
      to: 'ada@example.org',
      html: '<p>Track it with <b>PST-1</b></p>',
      text: 'Track it with PST-1',
    });
    expect(stored[0].messageId).toMatch(/^<.+@.+>$/);
    expect(stored[0].raw).toContain('Subject: Your parcel is on its way');
    expect(stored[0].receivedAt).toBeInstanceOf(Date);
    expect(stored[1].subject).toBe('Your parcel is on its way');
  });

  it('makes the send fail when the message cannot be stored', async () => {
    capture = await startSmtpCapture({ store: () => Promise.reject(new Error('database is down')) });

    await expect(transportTo(capture).sendMail(shippedMail)).rejects.toMatchObject({
      responseCode: 451,
      response: expect.stringContaining('database is down'),
    });
  });

  it('announces and enforces a 25 MB message size limit', async () => {
    capture = await startSmtpCapture({ store: async () => {} });

    const replies = await smtpDialogue(capture.port, ['EHLO test', 'MAIL FROM:<shop@example.com> SIZE=26214401', 'QUIT']);

    expect(replies[1]).toMatch(/^250[- ]SIZE 26214400\r$/m);
    expect(replies[2]).toMatch(/^552 /);
  });
});
