import type { Locale } from '@postino/status';

/** The page's own words (status and substatus labels come from @postino/status). */
export interface TrackingPageTexts {
  title: string;
  order: string;
  carrier: string;
  trackingNumber: string;
  trackOnCarrierSite: string;
  expectedDelivery: string;
  lastUpdate: string;
  progress: string;
  history: string;
  noEvents: string;
  language: string;
  notFoundTitle: string;
  notFoundText: string;
}

export const TRACKING_PAGE_TEXTS: Record<Locale, TrackingPageTexts> = {
  en: {
    title: 'Track your order',
    order: 'Order',
    carrier: 'Carrier',
    trackingNumber: 'Tracking number',
    trackOnCarrierSite: "Track on the carrier's website",
    expectedDelivery: 'Expected delivery',
    lastUpdate: 'Last update',
    progress: 'Shipment progress',
    history: 'History',
    noEvents: 'No tracking updates yet. They will appear here as soon as the carrier scans your parcel.',
    language: 'Language',
    notFoundTitle: 'Tracking page not found',
    notFoundText: 'This link is not valid. Please check the link in your e-mail or contact the shop.',
  },
  es: {
    title: 'Seguimiento del pedido',
    order: 'Pedido',
    carrier: 'Transportista',
    trackingNumber: 'Número de seguimiento',
    trackOnCarrierSite: 'Seguir en la web del transportista',
    expectedDelivery: 'Entrega prevista',
    lastUpdate: 'Última actualización',
    progress: 'Progreso del envío',
    history: 'Historial',
    noEvents: 'Todavía no hay novedades del envío. Aparecerán aquí en cuanto el transportista escanee tu paquete.',
    language: 'Idioma',
    notFoundTitle: 'Página de seguimiento no encontrada',
    notFoundText: 'Este enlace no es válido. Revisa el enlace de tu correo o ponte en contacto con la tienda.',
  },
  it: {
    title: 'Traccia il tuo ordine',
    order: 'Ordine',
    carrier: 'Corriere',
    trackingNumber: 'Numero di tracciamento',
    trackOnCarrierSite: 'Traccia sul sito del corriere',
    expectedDelivery: 'Consegna prevista',
    lastUpdate: 'Ultimo aggiornamento',
    progress: 'Avanzamento della spedizione',
    history: 'Cronologia',
    noEvents: 'Ancora nessun aggiornamento. Compariranno qui non appena il corriere registrerà il tuo pacco.',
    language: 'Lingua',
    notFoundTitle: 'Pagina di tracciamento non trovata',
    notFoundText: "Questo link non è valido. Controlla il link nella tua e-mail o contatta il negozio.",
  },
  fr: {
    title: 'Suivi de commande',
    order: 'Commande',
    carrier: 'Transporteur',
    trackingNumber: 'Numéro de suivi',
    trackOnCarrierSite: 'Suivre sur le site du transporteur',
    expectedDelivery: 'Livraison prévue',
    lastUpdate: 'Dernière mise à jour',
    progress: "Progression de l'envoi",
    history: 'Historique',
    noEvents: "Aucune mise à jour pour l'instant. Elles s'afficheront ici dès que le transporteur aura scanné votre colis.",
    language: 'Langue',
    notFoundTitle: 'Page de suivi introuvable',
    notFoundText: "Ce lien n'est pas valide. Vérifiez le lien reçu par e-mail ou contactez la boutique.",
  },
  de: {
    title: 'Sendungsverfolgung',
    order: 'Bestellung',
    carrier: 'Versanddienstleister',
    trackingNumber: 'Sendungsnummer',
    trackOnCarrierSite: 'Beim Versanddienstleister verfolgen',
    expectedDelivery: 'Voraussichtliche Zustellung',
    lastUpdate: 'Letzte Aktualisierung',
    progress: 'Sendungsfortschritt',
    history: 'Verlauf',
    noEvents: 'Noch keine Sendungsdaten. Sie erscheinen hier, sobald der Versanddienstleister Ihr Paket scannt.',
    language: 'Sprache',
    notFoundTitle: 'Sendungsverfolgung nicht gefunden',
    notFoundText: 'Dieser Link ist ungültig. Bitte prüfen Sie den Link in Ihrer E-Mail oder wenden Sie sich an den Shop.',
  },
};

/** Each language named in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  it: 'Italiano',
  fr: 'Français',
  de: 'Deutsch',
};
