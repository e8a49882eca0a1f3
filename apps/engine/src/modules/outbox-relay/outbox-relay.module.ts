import { Module } from '@nestjs/common';
import { OutboxListener } from './outbox-listener';

/** Carries "events committed" from PostgreSQL to the outbox's consumers in this engine (LISTEN/NOTIFY). */
@Module({ providers: [OutboxListener], exports: [OutboxListener] })
export class OutboxRelayModule {}
