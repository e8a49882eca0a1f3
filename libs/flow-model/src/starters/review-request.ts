import { type StarterFlow, starterDocument } from './starter-flow';

export const reviewRequestStarter: StarterFlow = {
  id: 'review_request',
  name: {
    en: 'Review request after delivery',
    es: 'Petición de reseña tras la entrega',
    it: 'Richiesta di recensione dopo la consegna',
    fr: 'Demande d’avis après la livraison',
    de: 'Bewertungsanfrage nach der Zustellung',
  },
  description: {
    en: 'Three days after the parcel is delivered, asks the customer for a review.',
    es: 'Tres días después de entregar el paquete, pide una reseña al cliente.',
    it: 'Tre giorni dopo la consegna del pacco, chiede una recensione al cliente.',
    fr: 'Trois jours après la livraison du colis, demande un avis au client.',
    de: 'Drei Tage nach der Zustellung bittet den Kunden um eine Bewertung.',
  },
  document: starterDocument(
    [
      { id: 'delivered', type: 'status_changed', config: { statuses: ['delivered'] }, column: 0, row: 0 },
      { id: 'three_days', type: 'wait', config: { mode: 'duration', duration: { amount: 3, unit: 'days' } }, column: 0, row: 1 },
      { id: 'review_email', type: 'send_email', column: 0, row: 2 },
    ],
    [
      ['delivered', 'next', 'three_days'],
      ['three_days', 'next', 'review_email'],
    ],
  ),
};
