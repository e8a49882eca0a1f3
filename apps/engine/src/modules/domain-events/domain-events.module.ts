import { Module } from '@nestjs/common';
import { DomainEventRepository } from './domain-event.repository';

/** The transactional outbox: domain events written with the state they describe, claimed by their handlers. */
@Module({ providers: [DomainEventRepository], exports: [DomainEventRepository] })
export class DomainEventsModule {}
