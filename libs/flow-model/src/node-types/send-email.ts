import { z } from 'zod';
import { defineNodeType } from '../node-type';
import { NEXT_LABEL } from './next-label';

const configSchema = z.object({
  templateId: z.uuid({ error: 'Choose an email template.' }),
});

export type SendEmailConfig = z.infer<typeof configSchema>;

/** Emails the shipment's customer; the recipient is never configured, so a flow cannot mail anyone else. */
export const sendEmailNodeType = defineNodeType<'send_email', SendEmailConfig>({
  type: 'send_email',
  kind: 'action',
  label: {
    en: 'Send email',
    es: 'Enviar email',
    it: 'Invia email',
    fr: 'Envoyer un e-mail',
    de: 'E-Mail senden',
  },
  description: {
    en: "Sends an email, built from a template, to the shipment's customer.",
    es: 'Envía un email, creado a partir de una plantilla, al cliente del envío.',
    it: "Invia un'email, creata da un modello, al cliente della spedizione.",
    fr: "Envoie un e-mail, créé à partir d'un modèle, au client de l'envoi.",
    de: 'Sendet eine E-Mail aus einer Vorlage an den Kunden der Sendung.',
  },
  configSchema,
  outputs: [{ id: 'next', label: NEXT_LABEL }],
  // No template is chosen yet: the editor shows the node as incomplete until one is.
  defaultConfig: { templateId: '' },
});
