import type { Locale } from '@postino/status';
import { sampleSmsSegments } from '@postino/templating-sms';
import { z } from 'zod';
import { defineNodeType, type LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';
import { NEXT_PORTS } from '../shared/next-port';
import { DIGEST_WINDOW_MESSAGE, digestWindowSchema } from '../shared/digest-window';
import { QUIET_HOURS_MESSAGE, quietHoursOverrideSchema } from '../shared/quiet-hours-override';

/** The text as written, merge tags included: room for a long one, while keeping a node's config small. */
export const SMS_TEXT_MAX_LENGTH = 1_000;

/**
 * Parts an SMS may take with sample data (459 GSM-7 characters, 201 in UCS-2): each part is billed, and a
 * shipment update that needs more than three is better as an e-mail.
 */
export const SMS_MAX_SEGMENTS = 3;

const MESSAGES = {
  writeText: {
    en: 'Write the text of the SMS.',
    es: 'Escribe el texto del SMS.',
    it: "Scrivi il testo dell'SMS.",
    fr: 'Écrivez le texte du SMS.',
    de: 'Schreiben Sie den Text der SMS.',
  },
  tooLong: {
    en: `Keep the text within ${SMS_TEXT_MAX_LENGTH} characters.`,
    es: `El texto puede tener como máximo ${SMS_TEXT_MAX_LENGTH} caracteres.`,
    it: `Il testo può avere al massimo ${SMS_TEXT_MAX_LENGTH} caratteri.`,
    fr: `Le texte peut compter au plus ${SMS_TEXT_MAX_LENGTH} caractères.`,
    de: `Der Text darf höchstens ${SMS_TEXT_MAX_LENGTH} Zeichen lang sein.`,
  },
  fixMergeTags: {
    en: 'Fix the merge tags: close every {{ }} and {% %}, and use only known filters.',
    es: 'Corrige las etiquetas: cierra cada {{ }} y {% %}, y usa solo filtros conocidos.',
    it: 'Correggi i tag: chiudi ogni {{ }} e {% %}, e usa solo filtri noti.',
    fr: 'Corrigez les balises : fermez chaque {{ }} et {% %}, et utilisez seulement des filtres connus.',
    de: 'Korrigieren Sie die Platzhalter: Schließen Sie jedes {{ }} und {% %} und verwenden Sie nur bekannte Filter.',
  },
  tooManySegments: {
    en: `Shorten the text: with sample data it takes more than ${SMS_MAX_SEGMENTS} SMS (459 characters, or 201 with emoji or letters such as á, ê or ç).`,
    es: `Acorta el texto: con datos de ejemplo ocupa más de ${SMS_MAX_SEGMENTS} SMS (459 caracteres, o 201 con emojis o letras como á, ê o ç).`,
    it: `Accorcia il testo: con dati di esempio occupa più di ${SMS_MAX_SEGMENTS} SMS (459 caratteri, o 201 con emoji o lettere come á, ê o ç).`,
    fr: `Raccourcissez le texte : avec des données d'exemple, il occupe plus de ${SMS_MAX_SEGMENTS} SMS (459 caractères, ou 201 avec des émojis ou des lettres comme á, ê ou ç).`,
    de: `Kürzen Sie den Text: Mit Beispieldaten braucht er mehr als ${SMS_MAX_SEGMENTS} SMS (459 Zeichen, oder 201 mit Emojis oder Buchstaben wie á, ê oder ç).`,
  },
} satisfies Record<string, LocalizedText>;

const textSchema = z
  .string({ error: MESSAGES.writeText.en })
  .trim()
  // Aborting: a text that is missing or too long is not also counted.
  .min(1, { error: MESSAGES.writeText.en, abort: true })
  .max(SMS_TEXT_MAX_LENGTH, { error: MESSAGES.tooLong.en, abort: true })
  .superRefine((text, ctx) => {
    const segments = sampleSmsSegments(text);
    if (!segments) ctx.addIssue({ code: 'custom', message: MESSAGES.fixMergeTags.en });
    else if (segments.segments > SMS_MAX_SEGMENTS) ctx.addIssue({ code: 'custom', message: MESSAGES.tooManySegments.en });
  });

const configSchema = z.object({
  text: withUi(textSchema, {
    label: { en: 'Text', es: 'Texto', it: 'Testo', fr: 'Texte', de: 'Text' },
    help: {
      en: 'Merge tags such as {{ customer.first_name }} are filled in for each customer; {{ tracking_url }} is the link to the tracking page. One SMS holds 160 characters, or 70 with emoji or letters such as á, ê or ç.',
      es: 'Las etiquetas como {{ customer.first_name }} se rellenan para cada cliente; {{ tracking_url }} es el enlace a la página de seguimiento. Un SMS tiene 160 caracteres, o 70 con emojis o letras como á, ê o ç.',
      it: 'I tag come {{ customer.first_name }} vengono compilati per ogni cliente; {{ tracking_url }} è il link alla pagina di tracciamento. Un SMS contiene 160 caratteri, o 70 con emoji o lettere come á, ê o ç.',
      fr: "Les balises comme {{ customer.first_name }} sont remplies pour chaque client ; {{ tracking_url }} est le lien vers la page de suivi. Un SMS contient 160 caractères, ou 70 avec des émojis ou des lettres comme á, ê ou ç.",
      de: 'Platzhalter wie {{ customer.first_name }} werden für jeden Kunden ausgefüllt; {{ tracking_url }} ist der Link zur Sendungsverfolgung. Eine SMS fasst 160 Zeichen, oder 70 mit Emojis oder Buchstaben wie á, ê oder ç.',
    },
    widget: 'text',
    multiline: true,
  }),
  quietHours: quietHoursOverrideSchema,
  digestMinutes: digestWindowSchema,
});

export type SendSmsConfig = z.infer<typeof configSchema>;

const LABEL: LocalizedText = {
  en: 'Send SMS',
  es: 'Enviar SMS',
  it: 'Invia SMS',
  fr: 'Envoyer un SMS',
  de: 'SMS senden',
};

const SEGMENT_WORDS: Record<Locale, [one: string, many: string]> = {
  en: ['segment', 'segments'],
  es: ['segmento', 'segmentos'],
  it: ['segmento', 'segmenti'],
  fr: ['segment', 'segments'],
  de: ['Segment', 'Segmente'],
};

/** "Send SMS · 2 segments", with "· Unicode" when the text needs UCS-2 (and so holds fewer characters). */
function summary(config: SendSmsConfig, locale: Locale): string {
  const counted = config.text ? sampleSmsSegments(config.text) : null;
  if (!counted) return LABEL[locale];
  const [one, many] = SEGMENT_WORDS[locale];
  const segments = `${counted.segments} ${counted.segments === 1 ? one : many}`;
  return [LABEL[locale], segments, ...(counted.encoding === 'UCS-2' ? ['Unicode'] : [])].join(' · ');
}

/**
 * Texts the shipment's customer on their mobile phone; the recipient is never configured, so a flow cannot
 * text anyone else. The text lives in the node itself, so publishing the flow freezes it with the version.
 */
export const sendSmsNodeType = defineNodeType<'send_sms', SendSmsConfig>({
  type: 'send_sms',
  kind: 'action',
  version: 1,
  category: 'messages',
  icon: 'sms',
  label: LABEL,
  help: {
    en: "Sends a text message to the mobile phone of the shipment's customer.",
    es: 'Envía un mensaje de texto al móvil del cliente del envío.',
    it: 'Invia un SMS al cellulare del cliente della spedizione.',
    fr: "Envoie un SMS sur le téléphone mobile du client de l'envoi.",
    de: 'Sendet eine SMS an das Mobiltelefon des Kunden der Sendung.',
  },
  configSchema,
  configMessages: [...Object.values(MESSAGES), QUIET_HOURS_MESSAGE, DIGEST_WINDOW_MESSAGE],
  // Nothing is written yet: the editor shows the node as incomplete until it is.
  defaultConfig: { text: '', quietHours: 'shop_default' },
  ports: () => NEXT_PORTS,
  references: () => [],
  summary,
});
