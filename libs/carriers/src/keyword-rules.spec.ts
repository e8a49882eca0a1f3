import { LOCALES } from '@postino/status';
import { describe, expect, it } from 'vitest';
import { KEYWORD_RULES, matchKeywordRules, normalizeEventText } from './keyword-rules';

describe('matchKeywordRules', () => {
  it.each([
    // out for delivery, in every language
    ['Out for delivery', 'out_for_delivery', null],
    ['Envío en reparto', 'out_for_delivery', null],
    ['La spedizione è in consegna', 'out_for_delivery', null],
    ['Votre colis est en cours de livraison', 'out_for_delivery', null],
    ['Die Sendung ist in Zustellung', 'out_for_delivery', null],
    // delivered, in every language
    ['Delivered', 'delivered', null],
    ['Entregado', 'delivered', null],
    ['Consegnato', 'delivered', null],
    ['Votre colis a été livré', 'delivered', null],
    ['LIVRÉ', 'delivered', null],
    ['Die Sendung wurde zugestellt', 'delivered', null],
    // negations and attempts are not deliveries
    ['Not delivered', 'failed_attempt', null],
    ['Delivery attempted', 'failed_attempt', null],
    ['No ha podido ser entregado', 'failed_attempt', null],
    ['Pacco non consegnato', 'failed_attempt', null],
    ['Colis non livré', 'failed_attempt', null],
    ['Sendung konnte nicht zugestellt werden', 'failed_attempt', null],
    ['Zustellversuch am Vormittag', 'failed_attempt', null],
    ['Delivery attempted - recipient not available', 'failed_attempt', 'recipient_unavailable'],
    ['Destinatario ausente', 'failed_attempt', 'recipient_unavailable'],
    ['Empfänger nicht angetroffen', 'failed_attempt', 'recipient_unavailable'],
    ['Closed on arrival', 'failed_attempt', 'business_closed'],
    // future or expected deliveries are still on the way
    ['Your package will be delivered tomorrow', 'in_transit', null],
    ['Votre colis sera livré demain', 'in_transit', null],
    ['Die Sendung wird morgen zugestellt', 'in_transit', null],
    // delivery variants
    ['Delivered to neighbour', 'delivered', 'delivered_to_neighbour'],
    ['Zugestellt beim Nachbarn', 'delivered', 'delivered_to_neighbour'],
    ['Delivered - Signed for by: SMITH', 'delivered', 'signed_for'],
    ['Delivered, Front Door/Porch', 'delivered', 'delivered_to_safe_place'],
    ['Delivered, Individual Picked Up at Post Office', 'delivered', 'collected_by_recipient'],
    ['Ritirato dal destinatario', 'delivered', 'collected_by_recipient'],
    // pickup points
    ['Ready for pickup', 'available_for_pickup', null],
    ['Disponible para recoger en oficina', 'available_for_pickup', null],
    ['Pronto per il ritiro', 'available_for_pickup', null],
    ['Zur Abholung bereit', 'available_for_pickup', null],
    ['Delivered to pickup point', 'available_for_pickup', 'delivered_to_pickup_point'],
    ['Colis déposé en point relais', 'available_for_pickup', 'delivered_to_pickup_point'],
    // returns and exceptions
    ['Returned to sender', 'returned', 'returning_to_sender'],
    ['Devuelto al remitente', 'returned', 'returning_to_sender'],
    ['Retour à l’expéditeur', 'returned', 'returning_to_sender'],
    ['Incorrect address', 'exception', 'address_issue'],
    ['Dirección incorrecta', 'exception', 'address_issue'],
    ['Package damaged', 'exception', 'damaged'],
    ['Pacco danneggiato', 'exception', 'damaged'],
    ['Sendung beschädigt', 'exception', 'damaged'],
    ['Refused by recipient', 'exception', 'refused'],
    ['Colis refusé par le destinataire', 'exception', 'refused'],
    ['Held by customs', 'exception', 'customs_hold'],
    ['Fermo in dogana', 'exception', 'customs_hold'],
    ['Paquete extraviado', 'exception', 'lost'],
    ['Shipment exception', 'exception', null],
    // on the way
    ['Clearance processing complete at MADRID - SPAIN', 'in_transit', 'customs_cleared'],
    ['Dédouanement en cours', 'in_transit', 'customs_processing'],
    ['Delayed due to weather', 'in_transit', 'weather_delay'],
    ['Envío con retraso', 'in_transit', 'delayed'],
    ['Shipment picked up', 'in_transit', 'picked_up'],
    ['Colis pris en charge par La Poste', 'in_transit', 'picked_up'],
    ['Die Sendung wurde abgeholt', 'in_transit', 'picked_up'],
    ['Arrived at Sort Facility LEIPZIG', 'in_transit', 'arrived_at_facility'],
    ['Departed Facility in LEIPZIG', 'in_transit', 'departed_facility'],
    ['In transit', 'in_transit', null],
    ['En tránsito', 'in_transit', null],
    ['In transito', 'in_transit', null],
    ["En cours d'acheminement", 'in_transit', null],
    ['Die Sendung ist unterwegs', 'in_transit', null],
    // before pickup
    ['Shipping label created', 'info_received', 'label_created'],
    ['Shipment information received', 'info_received', 'label_created'],
    ['Etiqueta creada', 'info_received', 'label_created'],
    ['En attente de prise en charge', 'info_received', 'label_created'],
    ['Die Auftragsdaten zu dieser Sendung wurden vom Absender elektronisch an DHL übermittelt', 'info_received', 'label_created'],
  ])('%j → %s / %s', (description, status, substatus) => {
    expect(matchKeywordRules(description)).toEqual({ status, substatus });
  });

  it.each([[''], ['   '], [null], [undefined], ['Lorem ipsum dolor sit amet'], ['Hub scan 4711']])(
    'recognises nothing in %j',
    (description) => {
      expect(matchKeywordRules(description)).toBeNull();
    },
  );

  it('does not read "delivered" inside "undelivered" or "delivery"', () => {
    expect(matchKeywordRules('Delivery window updated')).toBeNull();
    expect(matchKeywordRules('Undelivered')?.status).toBe('failed_attempt');
  });
});

describe('KEYWORD_RULES', () => {
  it('has patterns in every supported language for every rule', () => {
    for (const rule of KEYWORD_RULES) {
      for (const locale of LOCALES) expect(rule.patterns[locale].length, `${rule.status} ${locale}`).toBeGreaterThan(0);
    }
  });

  it('writes patterns for normalized text: lower-case ASCII only, so they can match', () => {
    for (const rule of KEYWORD_RULES) {
      for (const pattern of Object.values(rule.patterns).flat()) {
        expect(pattern.source, pattern.source).toMatch(/^[\x20-\x40\x5b-\x7e]*$/);
        expect(pattern.flags).toBe('');
      }
    }
  });
});

describe('normalizeEventText', () => {
  it('lower-cases, strips accents and collapses whitespace', () => {
    expect(normalizeEventText('  Zurück   an den ABSENDER – Livré ')).toBe('zuruck an den absender – livre');
  });
});
