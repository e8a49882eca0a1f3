import { type StarterFlow, starterDocument } from './starter-flow';

const STATUSES = ['in_transit', 'delivered'];

export const classicThreeStarter: StarterFlow = {
  id: 'classic_three',
  name: {
    en: 'Shipped, in transit, delivered',
    es: 'Enviado, en tránsito, entregado',
    it: 'Spedito, in transito, consegnato',
    fr: 'Expédié, en transit, livré',
    de: 'Versendet, unterwegs, zugestellt',
  },
  description: {
    en: 'The classic three notifications: one email when the parcel leaves, one on its way, one when it arrives.',
    es: 'Las tres notificaciones clásicas: un email cuando sale el paquete, otro en camino y otro al llegar.',
    it: 'Le tre notifiche classiche: un’email quando il pacco parte, una in viaggio, una all’arrivo.',
    fr: 'Les trois notifications classiques : un e-mail au départ du colis, un en route, un à l’arrivée.',
    de: 'Die drei klassischen Benachrichtigungen: eine E-Mail beim Versand, eine unterwegs, eine bei Zustellung.',
  },
  // Three triggers in one flow: each run starts at the one that matched and sends its own email.
  document: starterDocument(
    [
      { id: 'shipped', type: 'shipment_created', column: 0, row: 0 },
      { id: 'shipped_email', type: 'send_email', column: 0, row: 1 },
      ...STATUSES.flatMap((status, index) => [
        { id: status, type: 'status_changed', config: { statuses: [status] }, column: index + 1, row: 0 },
        { id: `${status}_email`, type: 'send_email', column: index + 1, row: 1 },
      ]),
    ],
    ['shipped', ...STATUSES].map((trigger): [string, string, string] => [trigger, 'next', `${trigger}_email`]),
  ),
};
