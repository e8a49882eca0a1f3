import { Injectable } from '@nestjs/common';
import { CustomerRepository } from '../../../customers/customer.repository';
import type { Delivery } from '../channels/channel-sender';
import { GuardVerdict, PASS, SendGuard, CUSTOMERS_ONLY } from './send-guard';

/**
 * Consent is read at every send: an unsubscribe or withdrawal stops even messages already queued. It is the
 * customer's whatever the channel: the recipient is matched to the customer's e-mail or phone number.
 */
@Injectable()
export class ConsentGuard implements SendGuard {
  readonly audiences = CUSTOMERS_ONLY;
  constructor(private readonly customers: CustomerRepository) {}

  async judge(deliveries: readonly Delivery[]): Promise<GuardVerdict[]> {
    const withdrawn = await this.customers.withdrawnTransactional(
      deliveries.map(({ message }) => ({ merchantId: message.merchantId, address: message.recipient })),
    );
    return deliveries.map(({ message }) =>
      withdrawn.has(`${message.merchantId}:${message.recipient.toLowerCase()}`)
        ? { kind: 'skip', reason: 'the customer withdrew consent to shipment updates' }
        : PASS,
    );
  }
}
