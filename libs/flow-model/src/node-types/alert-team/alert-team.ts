import { LOCALES, type Locale } from '@postino/status';
import { z } from 'zod';
import { defineNodeType, type LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';
import { NEXT_PORTS } from '../shared/next-port';

export const ALERT_TITLE_MAX_LENGTH = 120;
export const ALERT_NOTE_MAX_LENGTH = 1_000;

const text = (en: string, es: string, it: string, fr: string, de: string): LocalizedText => ({ en, es, it, fr, de });

const MESSAGES = {
  writeTitle: text(
    'Write the title of the alert.',
    'Escribe el título de la alerta.',
    "Scrivi il titolo dell'avviso.",
    "Écrivez le titre de l'alerte.",
    'Schreiben Sie den Titel der Meldung.',
  ),
  titleTooLong: text(
    `Keep the title within ${ALERT_TITLE_MAX_LENGTH} characters.`,
    `El título puede tener como máximo ${ALERT_TITLE_MAX_LENGTH} caracteres.`,
    `Il titolo può avere al massimo ${ALERT_TITLE_MAX_LENGTH} caratteri.`,
    `Le titre peut compter au plus ${ALERT_TITLE_MAX_LENGTH} caractères.`,
    `Der Titel darf höchstens ${ALERT_TITLE_MAX_LENGTH} Zeichen lang sein.`,
  ),
  noteTooLong: text(
    `Keep the note within ${ALERT_NOTE_MAX_LENGTH} characters.`,
    `La nota puede tener como máximo ${ALERT_NOTE_MAX_LENGTH} caracteres.`,
    `La nota può avere al massimo ${ALERT_NOTE_MAX_LENGTH} caratteri.`,
    `La note peut compter au plus ${ALERT_NOTE_MAX_LENGTH} caractères.`,
    `Die Notiz darf höchstens ${ALERT_NOTE_MAX_LENGTH} Zeichen lang sein.`,
  ),
  chooseLanguage: text(
    'Choose the language of the e-mail to your team.',
    'Elige el idioma del correo a tu equipo.',
    "Scegli la lingua dell'e-mail al tuo team.",
    "Choisissez la langue de l'e-mail à votre équipe.",
    'Wählen Sie die Sprache der E-Mail an Ihr Team.',
  ),
} satisfies Record<string, LocalizedText>;

const LANGUAGE_LABELS: Record<Locale, LocalizedText> = {
  en: text('English', 'Inglés', 'Inglese', 'Anglais', 'Englisch'),
  es: text('Spanish', 'Español', 'Spagnolo', 'Espagnol', 'Spanisch'),
  it: text('Italian', 'Italiano', 'Italiano', 'Italien', 'Italienisch'),
  fr: text('French', 'Francés', 'Francese', 'Français', 'Französisch'),
  de: text('German', 'Alemán', 'Tedesco', 'Allemand', 'Deutsch'),
};

const configSchema = z.object({
  title: withUi(
    z
      .string({ error: MESSAGES.writeTitle.en })
      .trim()
      .min(1, { error: MESSAGES.writeTitle.en, abort: true })
      .max(ALERT_TITLE_MAX_LENGTH, { error: MESSAGES.titleTooLong.en }),
    {
      label: text('Title', 'Título', 'Titolo', 'Titre', 'Titel'),
      help: text(
        'What your team reads first, e.g. "Parcel lost: call the customer".',
        'Lo primero que lee tu equipo, p. ej. «Paquete perdido: llamar al cliente».',
        'La prima cosa che legge il tuo team, ad es. «Pacco perso: chiamare il cliente».',
        "Ce que votre équipe lit en premier, p. ex. « Colis perdu : appeler le client ».",
        'Was Ihr Team zuerst liest, z. B. „Paket verloren: Kunden anrufen“.',
      ),
      widget: 'text',
    },
  ),
  note: withUi(z.string({ error: MESSAGES.noteTooLong.en }).trim().max(ALERT_NOTE_MAX_LENGTH, { error: MESSAGES.noteTooLong.en }).default(''), {
    label: text('Note', 'Nota', 'Nota', 'Note', 'Notiz'),
    help: text(
      'What to do about it; shown with the alert and in the e-mail.',
      'Qué hacer al respecto; se muestra con la alerta y en el correo.',
      "Cosa fare; mostrata con l'avviso e nell'e-mail.",
      "Que faire ; affichée avec l'alerte et dans l'e-mail.",
      'Was zu tun ist; steht bei der Meldung und in der E-Mail.',
    ),
    widget: 'text',
    multiline: true,
  }),
  language: withUi(z.enum(LOCALES, { error: MESSAGES.chooseLanguage.en }).default('en'), {
    label: text('E-mail language', 'Idioma del correo', "Lingua dell'e-mail", "Langue de l'e-mail", 'Sprache der E-Mail'),
    widget: 'choice',
    options: LANGUAGE_LABELS,
  }),
});

export type AlertTeamConfig = z.infer<typeof configSchema>;

const LABEL: LocalizedText = text('Alert team', 'Avisar al equipo', 'Avvisa il team', "Alerter l'équipe", 'Team benachrichtigen');

/**
 * Opens an alert for the shop's team about the run's shipment (listed under /api/v1/alerts, to be assigned and
 * resolved) and e-mails the team address; customers never see it. One alert per run and node.
 */
export const alertTeamNodeType = defineNodeType<'alert_team', AlertTeamConfig>({
  type: 'alert_team',
  kind: 'action',
  version: 1,
  category: 'integrations',
  icon: 'alert',
  label: LABEL,
  help: text(
    "Opens an alert about the shipment for your team and e-mails the team's address.",
    'Abre una alerta sobre el envío para tu equipo y envía un correo a la dirección del equipo.',
    "Apre un avviso sulla spedizione per il tuo team e invia un'e-mail all'indirizzo del team.",
    "Ouvre une alerte sur l'envoi pour votre équipe et envoie un e-mail à l'adresse de l'équipe.",
    'Öffnet eine Meldung zur Sendung für Ihr Team und schickt eine E-Mail an die Team-Adresse.',
  ),
  configSchema,
  configMessages: Object.values(MESSAGES),
  defaultConfig: { title: '', note: '', language: 'en' },
  ports: () => NEXT_PORTS,
  references: () => [],
  // An alert is about a shipment (alerts list and show it).
  needsShipment: () => true,
  summary: (config, locale) => (config.title ? `${LABEL[locale]}: ${config.title}` : LABEL[locale]),
});
