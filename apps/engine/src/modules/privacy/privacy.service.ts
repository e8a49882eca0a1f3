import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CustomerErasure, CustomerExport } from '@postino/api-contract';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { ApiError } from '../../common/http/api-error';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { Clock } from '../clock/clock';
import { CustomerRepository } from '../customers/customer.repository';
import { customerView } from '../customers/customer-view';
import { orderView } from '../orders/order-view';
import { shipmentSummaryView } from '../tracking/shipment-view';
import { PrivacyRepository } from './privacy.repository';

const iso = (at: Date | string) => new Date(at).toISOString();

/** A customer's right to see and to erase their data; every export and erasure leaves an audit row (who, when, what). */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly customers: CustomerRepository,
    private readonly privacy: PrivacyRepository,
    private readonly clock: Clock,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async export(principal: Principal, customerId: string): Promise<CustomerExport> {
    const { merchantId } = principal;
    const customer = await this.customers.findById(merchantId, customerId);
    if (!customer) throw ApiError.notFound('Customer');
    const now = this.clock.now();
    await this.privacy.audit(this.db.manager, merchantId, customerId, 'export', principal, {}, now);
    const [history, unsubscribes, data] = await Promise.all([
      this.customers.consentHistory(merchantId, customerId),
      this.customers.unsubscribes(merchantId, customerId),
      this.privacy.everythingAbout(merchantId, customerId, customer.email),
    ]);
    return {
      exportedAt: now.toISOString(),
      customer: customerView(customer),
      consentHistory: history.map((h) => ({ ...h, at: iso(h.at) })),
      unsubscribes: unsubscribes.map((u) => ({ ...u, at: iso(u.at) })),
      orders: data.orders.map(orderView),
      shipments: data.shipments.map((s) => ({
        ...shipmentSummaryView(s, this.config.PUBLIC_URL),
        contact: { email: s.customerEmail, phone: s.customerPhone, name: s.customerName, locale: s.customerLocale, timezone: s.customerTimezone },
        destination: { country: s.destinationCountry, postalCode: s.destinationPostalCode, city: s.destinationCity },
        events: data.events
          .filter((e) => e.shipmentId === s.id)
          .map(({ shipmentId: _, ...e }) => ({ ...e, occurredAt: iso(e.occurredAt) })),
      })),
      messages: data.messages.map((m) => ({
        ...m,
        sentAt: m.sentAt ? iso(m.sentAt) : null,
        createdAt: iso(m.createdAt),
        history: m.history.map((h) => ({ ...h, at: iso(h.at) })),
      })),
      capturedEmails: data.captures.map((c) => ({ ...c, receivedAt: iso(c.receivedAt) })),
      capturedSms: data.smsCaptures.map((c) => ({ ...c, receivedAt: iso(c.receivedAt) })),
      privacyAudit: data.audit.map((a) => ({ ...a, at: iso(a.at) })),
    };
  }

  async erase(principal: Principal, customerId: string): Promise<CustomerErasure> {
    const { merchantId } = principal;
    const now = this.clock.now();
    const erased = await this.db.transaction(async (manager) => {
      const customer = await this.customers.lockById(manager, merchantId, customerId);
      if (!customer) throw ApiError.notFound('Customer');
      const counts = await this.privacy.erase(manager, merchantId, customerId, customer.email, now);
      await this.privacy.audit(manager, merchantId, customerId, 'erase', principal, counts, now);
      return counts;
    });
    return { customerId, erasedAt: now.toISOString(), erased };
  }
}
