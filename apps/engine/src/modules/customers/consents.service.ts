import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConsentPurpose, UnsubscribeRequest, UpdateConsentsRequest } from '@postino/api-contract';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { ApiError } from '../../common/http/api-error';
import { Clock } from '../clock/clock';
import { DomainEventRepository } from '../domain-events/domain-event.repository';
import { CUSTOMER_CONSENT_CHANGED } from '../domain-events/domain-event-types';
import { ConsentDecision, decideConsents, unsubscribeDecisions } from './consent';
import { CustomerRepository } from './customer.repository';
import { consentView } from './customer-view';

/**
 * Changes of a customer's consents asked through the API or the studio, recorded with their source and
 * honoured at once: the send stage reads the consents before every message. Each change goes to the consent
 * history and the outbox (`customer.consent_changed`) in the same transaction.
 */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly customers: CustomerRepository,
    private readonly domainEvents: DomainEventRepository,
    private readonly clock: Clock,
  ) {}

  async update(merchantId: string, customerId: string, body: UpdateConsentsRequest) {
    const at = this.clock.now();
    const decisions: Partial<Record<ConsentPurpose, ConsentDecision>> = {};
    for (const purpose of ['transactional', 'marketing'] as const) {
      const change = body[purpose];
      if (change) decisions[purpose] = { state: change.state, source: change.source, at };
    }
    return this.db.transaction((manager) => this.decide(manager, merchantId, customerId, decisions));
  }

  async unsubscribe(merchantId: string, customerId: string, body: UnsubscribeRequest, principal: Principal) {
    const at = this.clock.now();
    const source = body.source ?? (principal.kind === 'user' ? 'studio' : 'api');
    return this.db.transaction(async (manager) => {
      const consents = await this.decide(manager, merchantId, customerId, unsubscribeDecisions(body.scope, source, at));
      await this.customers.recordUnsubscribe(manager, merchantId, customerId, { scope: body.scope, source, at });
      return consents;
    });
  }

  private async decide(
    manager: EntityManager,
    merchantId: string,
    customerId: string,
    decisions: Partial<Record<ConsentPurpose, ConsentDecision>>,
  ) {
    const customer = await this.customers.lockById(manager, merchantId, customerId);
    if (!customer) throw ApiError.notFound('Customer');
    if (customer.erasedAt) {
      throw new ApiError(HttpStatus.CONFLICT, 'customer_erased', 'This customer was erased: there is nobody to record consent for');
    }
    const { consents, changes } = decideConsents(customer.consents, decisions);
    if (changes.length > 0) {
      const now = this.clock.now();
      await this.customers.updateConsents(manager, merchantId, customerId, consents, now);
      await this.customers.recordConsentChanges(manager, merchantId, changes.map((change) => ({ customerId, change })));
      await this.domainEvents.appendMany(
        manager,
        merchantId,
        CUSTOMER_CONSENT_CHANGED,
        changes.map((c) => ({ merchantId, customerId, purpose: c.purpose, from: c.from, to: c.state, source: c.source })),
      );
    }
    return { transactional: consentView(consents.transactional), marketing: consentView(consents.marketing) };
  }
}
