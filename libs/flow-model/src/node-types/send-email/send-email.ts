import { z } from 'zod';
import { defineNodeType, type LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';
import { NEXT_PORTS } from '../shared/next-port';
import { DIGEST_WINDOW_MESSAGE, digestWindowSchema } from '../shared/digest-window';
import { QUIET_HOURS_MESSAGE, quietHoursOverrideSchema } from '../shared/quiet-hours-override';

const MESSAGES = {
  chooseTemplate: {
    en: 'Choose an email template.',
    es: 'Elige una plantilla de email.',
    it: 'Scegli un modello email.',
    fr: "Choisissez un modèle d'e-mail.",
    de: 'Wählen Sie eine E-Mail-Vorlage.',
  },
} satisfies Record<string, LocalizedText>;

const templateIdSchema = z.uuid({ error: MESSAGES.chooseTemplate.en });

const configSchema = z.object({
  templateId: withUi(templateIdSchema, {
    label: {
      en: 'Email template',
      es: 'Plantilla de email',
      it: 'Modello email',
      fr: "Modèle d'e-mail",
      de: 'E-Mail-Vorlage',
    },
    help: {
      en: 'Only published templates can be sent.',
      es: 'Solo se pueden enviar plantillas publicadas.',
      it: 'Si possono inviare solo modelli pubblicati.',
      fr: 'Seuls les modèles publiés peuvent être envoyés.',
      de: 'Nur veröffentlichte Vorlagen können gesendet werden.',
    },
    widget: 'template_picker',
  }),
  quietHours: quietHoursOverrideSchema,
  digestMinutes: digestWindowSchema,
});

export type SendEmailConfig = z.infer<typeof configSchema>;

const LABEL: LocalizedText = {
  en: 'Send email',
  es: 'Enviar email',
  it: 'Invia email',
  fr: 'Envoyer un e-mail',
  de: 'E-Mail senden',
};

/** Emails the shipment's customer; the recipient is never configured, so a flow cannot mail anyone else. */
export const sendEmailNodeType = defineNodeType<'send_email', SendEmailConfig>({
  type: 'send_email',
  kind: 'action',
  version: 1,
  category: 'messages',
  icon: 'mail',
  label: LABEL,
  help: {
    en: "Sends an email, built from a template, to the shipment's customer.",
    es: 'Envía un email, creado a partir de una plantilla, al cliente del envío.',
    it: "Invia un'email, creata da un modello, al cliente della spedizione.",
    fr: "Envoie un e-mail, créé à partir d'un modèle, au client de l'envoi.",
    de: 'Sendet eine E-Mail aus einer Vorlage an den Kunden der Sendung.',
  },
  configSchema,
  configMessages: [...Object.values(MESSAGES), QUIET_HOURS_MESSAGE, DIGEST_WINDOW_MESSAGE],
  // No template is chosen yet: the editor shows the node as incomplete until one is.
  defaultConfig: { templateId: '', quietHours: 'shop_default' },
  ports: () => NEXT_PORTS,
  // A draft's id may still be empty or mistyped: only a real id can be looked up.
  references: (config) =>
    templateIdSchema.safeParse(config.templateId).success
      ? [{ kind: 'email_template', id: config.templateId, path: ['templateId'] }]
      : [],
  // The template's name lives in the engine; the canvas shows it next to this line.
  summary: (_config, locale) => LABEL[locale],
});
