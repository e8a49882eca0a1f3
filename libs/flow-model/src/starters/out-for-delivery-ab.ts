import { type StarterFlow, starterDocument } from './starter-flow';

export const outForDeliveryAbStarter: StarterFlow = {
  id: 'out_for_delivery_ab',
  name: {
    en: 'Out for delivery, at 09:00, A/B tested',
    es: 'En reparto, a las 09:00, con test A/B',
    it: 'In consegna, alle 09:00, con test A/B',
    fr: 'En cours de livraison, à 09:00, en test A/B',
    de: 'In Zustellung, um 09:00, mit A/B-Test',
  },
  description: {
    en: 'When the parcel is out for delivery, waits until 09:00 in the customer’s time zone and tries two emails, half and half.',
    es: 'Cuando el paquete sale a reparto, espera a las 09:00 en la zona horaria del cliente y prueba dos emails, mitad y mitad.',
    it: 'Quando il pacco è in consegna, attende le 09:00 nel fuso orario del cliente e prova due email, metà e metà.',
    fr: 'Quand le colis part en livraison, attend 09:00 dans le fuseau du client et essaie deux e-mails, moitié-moitié.',
    de: 'Ist das Paket in Zustellung, wartet bis 09:00 in der Zeitzone des Kunden und testet zwei E-Mails je zur Hälfte.',
  },
  document: starterDocument(
    [
      { id: 'out_for_delivery', type: 'status_changed', config: { statuses: ['out_for_delivery'] }, column: 1, row: 0 },
      {
        id: 'at_nine',
        type: 'wait',
        config: {
          mode: 'window',
          window: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '09:00', end: '11:00' },
        },
        column: 1,
        row: 1,
      },
      { id: 'split', type: 'ab_split', column: 1, row: 2 },
      { id: 'email_a', type: 'send_email', column: 0, row: 3 },
      { id: 'email_b', type: 'send_email', column: 2, row: 3 },
    ],
    [
      ['out_for_delivery', 'next', 'at_nine'],
      ['at_nine', 'next', 'split'],
      ['split', 'a', 'email_a'],
      ['split', 'b', 'email_b'],
    ],
  ),
};
