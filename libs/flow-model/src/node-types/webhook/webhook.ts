import { z } from 'zod';
import { defineNodeType, type LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';
import { NEXT_PORTS } from '../shared/next-port';

export const WEBHOOK_URL_MAX_LENGTH = 2_000;

const text = (en: string, es: string, it: string, fr: string, de: string): LocalizedText => ({ en, es, it, fr, de });

const MESSAGES = {
  writeUrl: text(
    'Enter the URL to call, starting with https://.',
    'Introduce la URL a la que llamar, empezando por https://.',
    "Inserisci l'URL da chiamare, che inizi con https://.",
    "Saisissez l'URL à appeler, commençant par https://.",
    'Geben Sie die aufzurufende URL ein, beginnend mit https://.',
  ),
  badUrl: text(
    'Enter a web address such as https://shop.example.com/hooks/postino, without a user name or password.',
    'Introduce una dirección web como https://shop.example.com/hooks/postino, sin usuario ni contraseña.',
    'Inserisci un indirizzo web come https://shop.example.com/hooks/postino, senza nome utente né password.',
    "Saisissez une adresse web comme https://shop.example.com/hooks/postino, sans nom d'utilisateur ni mot de passe.",
    'Geben Sie eine Webadresse wie https://shop.example.com/hooks/postino ein, ohne Benutzername oder Passwort.',
  ),
  tooLong: text(
    `Keep the URL within ${WEBHOOK_URL_MAX_LENGTH} characters.`,
    `La URL puede tener como máximo ${WEBHOOK_URL_MAX_LENGTH} caracteres.`,
    `L'URL può avere al massimo ${WEBHOOK_URL_MAX_LENGTH} caratteri.`,
    `L'URL peut compter au plus ${WEBHOOK_URL_MAX_LENGTH} caractères.`,
    `Die URL darf höchstens ${WEBHOOK_URL_MAX_LENGTH} Zeichen lang sein.`,
  ),
} satisfies Record<string, LocalizedText>;

/**
 * An absolute http(s) URL without credentials (the signature authenticates Postino; a password in a URL would
 * be shown wherever the flow is). Plain http and private addresses are refused when sending unless the engine
 * allows private networks (local development and tests), since only those are reachable without TLS there.
 */
function isWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const configSchema = z.object({
  url: withUi(
    z
      .string({ error: MESSAGES.writeUrl.en })
      .trim()
      .min(1, { error: MESSAGES.writeUrl.en, abort: true })
      .max(WEBHOOK_URL_MAX_LENGTH, { error: MESSAGES.tooLong.en, abort: true })
      .refine(isWebhookUrl, { error: MESSAGES.badUrl.en }),
    {
      label: text('URL', 'URL', 'URL', 'URL', 'URL'),
      help: text(
        'Postino POSTs the shipment as JSON, signed with your webhook signing secret (Settings) in the Postino-Signature header.',
        'Postino envía el envío en JSON por POST, firmado con tu secreto de firma de webhooks (Ajustes) en la cabecera Postino-Signature.',
        'Postino invia la spedizione in JSON con POST, firmata con il tuo segreto di firma dei webhook (Impostazioni) nell’intestazione Postino-Signature.',
        "Postino envoie l'envoi en JSON par POST, signé avec votre secret de signature des webhooks (Paramètres) dans l'en-tête Postino-Signature.",
        'Postino sendet die Sendung als JSON per POST, signiert mit Ihrem Webhook-Signaturgeheimnis (Einstellungen) im Header Postino-Signature.',
      ),
      widget: 'text',
    },
  ),
});

export type WebhookConfig = z.infer<typeof configSchema>;

const LABEL: LocalizedText = text('Webhook', 'Webhook', 'Webhook', 'Webhook', 'Webhook');

/** "Webhook · shop.example.com": the host is what a marketer recognizes. */
function summary(config: WebhookConfig): string {
  try {
    return `${LABEL.en} · ${new URL(config.url).host}`;
  } catch {
    return LABEL.en;
  }
}

/**
 * Calls the shop's own system: a signed POST of the run's shipment to a URL, delivered like a message (retried
 * with backoff, one delivery id across retries). Customers never see it, so consent, quiet hours and caps do
 * not hold it back.
 */
export const webhookNodeType = defineNodeType<'webhook', WebhookConfig>({
  type: 'webhook',
  kind: 'action',
  version: 1,
  category: 'integrations',
  icon: 'webhook',
  label: LABEL,
  help: text(
    'Sends the shipment to a URL of your systems, signed so that they can check it came from Postino.',
    'Envía el envío a una URL de tus sistemas, firmado para que puedan comprobar que viene de Postino.',
    'Invia la spedizione a un URL dei tuoi sistemi, firmata perché possano verificare che viene da Postino.',
    "Envoie l'envoi à une URL de vos systèmes, signé pour qu'ils puissent vérifier qu'il vient de Postino.",
    'Sendet die Sendung an eine URL Ihrer Systeme, signiert, damit diese prüfen können, dass sie von Postino kommt.',
  ),
  configSchema,
  configMessages: Object.values(MESSAGES),
  defaultConfig: { url: '' },
  ports: () => NEXT_PORTS,
  references: () => [],
  // Its payload is the shipment.
  needsShipment: () => true,
  summary,
});
