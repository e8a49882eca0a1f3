import type { Locale } from './locale';
import type { Status } from './status';

const STATUS_LABELS: Record<Status, Record<Locale, string>> = {
  pending: {
    en: 'Pending',
    es: 'Pendiente',
    it: 'In attesa',
    fr: 'En attente',
    de: 'Ausstehend',
  },
  info_received: {
    en: 'Label created',
    es: 'Etiqueta creada',
    it: 'Etichetta creata',
    fr: 'Étiquette créée',
    de: 'Versandetikett erstellt',
  },
  in_transit: {
    en: 'In transit',
    es: 'En tránsito',
    it: 'In transito',
    fr: "En cours d'acheminement",
    de: 'Unterwegs',
  },
  out_for_delivery: {
    en: 'Out for delivery',
    es: 'En reparto',
    it: 'In consegna',
    fr: 'En cours de livraison',
    de: 'In Zustellung',
  },
  available_for_pickup: {
    en: 'Ready for pickup',
    es: 'Listo para recoger',
    it: 'Pronto per il ritiro',
    fr: 'Disponible pour retrait',
    de: 'Zur Abholung bereit',
  },
  failed_attempt: {
    en: 'Delivery attempted',
    es: 'Intento de entrega fallido',
    it: 'Tentativo di consegna non riuscito',
    fr: 'Tentative de livraison échouée',
    de: 'Zustellversuch erfolglos',
  },
  delivered: {
    en: 'Delivered',
    es: 'Entregado',
    it: 'Consegnato',
    fr: 'Livré',
    de: 'Zugestellt',
  },
  exception: {
    en: 'Delivery issue',
    es: 'Incidencia en el envío',
    it: 'Problema con la spedizione',
    fr: "Incident d'acheminement",
    de: 'Problem mit der Sendung',
  },
  returned: {
    en: 'Returned to sender',
    es: 'Devuelto al remitente',
    it: 'Restituito al mittente',
    fr: "Retourné à l'expéditeur",
    de: 'An den Absender zurückgesendet',
  },
};

/** The customer-facing name of a status. */
export function statusLabel(status: Status, locale: Locale): string {
  return STATUS_LABELS[status][locale];
}
