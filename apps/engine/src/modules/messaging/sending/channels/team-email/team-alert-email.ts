import { getCarrier } from '@postino/carriers';
import { type Locale, statusLabel } from '@postino/status';
import type { ShipmentRow } from '../../../../tracking/shipment';

/** What the team e-mail says, from the alert_team node's config and the shipment as it is now. */
export interface TeamAlertEmailInput {
  title: string;
  note: string | null;
  locale: Locale;
  merchantName: string;
  shipment: ShipmentRow;
  trackingUrl: string;
}

const WORDS: Record<Locale, { prefix: string; shipment: string; status: string; customer: string; order: string; tracking: string; footer: string }> = {
  en: { prefix: 'Alert', shipment: 'Shipment', status: 'Status', customer: 'Customer', order: 'Order', tracking: 'Tracking page', footer: 'Sent by a flow of {shop} in Postino: assign or resolve the alert under Alerts.' },
  es: { prefix: 'Alerta', shipment: 'Envío', status: 'Estado', customer: 'Cliente', order: 'Pedido', tracking: 'Página de seguimiento', footer: 'Enviado por un flujo de {shop} en Postino: asigna o resuelve la alerta en Alertas.' },
  it: { prefix: 'Avviso', shipment: 'Spedizione', status: 'Stato', customer: 'Cliente', order: 'Ordine', tracking: 'Pagina di tracciamento', footer: "Inviato da un flusso di {shop} in Postino: assegna o risolvi l'avviso in Avvisi." },
  fr: { prefix: 'Alerte', shipment: 'Envoi', status: 'Statut', customer: 'Client', order: 'Commande', tracking: 'Page de suivi', footer: "Envoyé par un flux de {shop} dans Postino : attribuez ou résolvez l'alerte dans Alertes." },
  de: { prefix: 'Meldung', shipment: 'Sendung', status: 'Status', customer: 'Kunde', order: 'Bestellung', tracking: 'Sendungsverfolgung', footer: 'Gesendet von einem Flow von {shop} in Postino: Weisen Sie die Meldung unter Meldungen zu oder schließen Sie sie.' },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
/** A header line: no line breaks or other control characters (they would start new headers). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * The built-in e-mail to the team: subject, text and HTML in the node's language. Everything the shop or its
 * customers typed (the node's title and note, names, numbers) is escaped in the HTML and kept to one line
 * in the subject; nothing is rendered as a template.
 */
export function renderTeamAlertEmail(input: TeamAlertEmailInput): { subject: string; text: string; html: string } {
  const words = WORDS[input.locale];
  const { shipment } = input;
  const carrier = getCarrier(shipment.carrier)?.name ?? shipment.carrier;
  const customer = [shipment.customerName, shipment.customerEmail].filter(Boolean).join(' · ');
  const rows: [string, string][] = [
    [words.shipment, `${shipment.trackingNumber} (${carrier})`],
    [words.status, statusLabel(shipment.status, input.locale)],
    ...(customer ? [[words.customer, customer] as [string, string]] : []),
    ...(shipment.orderNumber ? [[words.order, shipment.orderNumber] as [string, string]] : []),
    [words.tracking, input.trackingUrl],
  ];
  const footer = words.footer.replace('{shop}', input.merchantName);
  const subject = oneLine(`[${words.prefix}] ${input.title} · ${shipment.trackingNumber}`);
  const text = [input.title, ...(input.note ? ['', input.note] : []), '', ...rows.map(([k, v]) => `${k}: ${v}`), '', footer].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h1 style="font-size:18px">${escapeHtml(input.title)}</h1>`,
    ...(input.note ? [`<p style="white-space:pre-wrap">${escapeHtml(input.note)}</p>`] : []),
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p style="color:#666">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
