import type { Locale } from '@postino/status';
import { z } from 'zod';
import { defineNodeType, type LocalizedText } from '../../node-type';
import { withUi } from '../../ui-hints';
import { NEXT_PORTS } from '../shared/next-port';

/** Long enough for "returned-damaged-2026"; short enough to read on a chip. */
export const TAG_MAX_LENGTH = 40;
/** Tags one node changes at once. */
export const TAGS_PER_NODE = 10;
/** Tags one shipment or customer may hold: a flow that tags in a loop stops growing them. */
export const TAGS_PER_HOLDER = 50;

/**
 * A tag as stored and compared: trimmed, inner spaces collapsed, lower case (conditions compare tags
 * ignoring case anyway, so "VIP" and "vip" are one tag).
 */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase();
}

const text = (en: string, es: string, it: string, fr: string, de: string): LocalizedText => ({ en, es, it, fr, de });

const MESSAGES = {
  chooseTarget: text(
    'Choose whether to tag the shipment or its customer.',
    'Elige si etiquetar el envío o su cliente.',
    'Scegli se etichettare la spedizione o il suo cliente.',
    "Choisissez d'étiqueter l'envoi ou son client.",
    'Wählen Sie, ob die Sendung oder ihr Kunde markiert wird.',
  ),
  chooseAction: text(
    'Choose whether to add or remove the tags.',
    'Elige si añadir o quitar las etiquetas.',
    'Scegli se aggiungere o rimuovere i tag.',
    'Choisissez d’ajouter ou de retirer les étiquettes.',
    'Wählen Sie, ob die Tags hinzugefügt oder entfernt werden.',
  ),
  writeTags: text('Write at least one tag.', 'Escribe al menos una etiqueta.', 'Scrivi almeno un tag.', 'Écrivez au moins une étiquette.', 'Schreiben Sie mindestens einen Tag.'),
  tooManyTags: text(
    `Use at most ${TAGS_PER_NODE} tags in one node.`,
    `Usa como máximo ${TAGS_PER_NODE} etiquetas en un nodo.`,
    `Usa al massimo ${TAGS_PER_NODE} tag in un nodo.`,
    `Utilisez au plus ${TAGS_PER_NODE} étiquettes par nœud.`,
    `Verwenden Sie höchstens ${TAGS_PER_NODE} Tags in einem Knoten.`,
  ),
  badTag: text(
    `Each tag needs 1 to ${TAG_MAX_LENGTH} characters, without commas.`,
    `Cada etiqueta necesita de 1 a ${TAG_MAX_LENGTH} caracteres, sin comas.`,
    `Ogni tag deve avere da 1 a ${TAG_MAX_LENGTH} caratteri, senza virgole.`,
    `Chaque étiquette doit compter de 1 à ${TAG_MAX_LENGTH} caractères, sans virgule.`,
    `Jeder Tag braucht 1 bis ${TAG_MAX_LENGTH} Zeichen, ohne Kommas.`,
  ),
} satisfies Record<string, LocalizedText>;

const TARGETS = ['shipment', 'customer'] as const;
const ACTIONS = ['add', 'remove'] as const;

const TARGET_LABELS: Record<(typeof TARGETS)[number], LocalizedText> = {
  shipment: text('The shipment', 'El envío', 'La spedizione', "L'envoi", 'Die Sendung'),
  customer: text('Its customer', 'Su cliente', 'Il suo cliente', 'Son client', 'Ihr Kunde'),
};
const ACTION_LABELS: Record<(typeof ACTIONS)[number], LocalizedText> = {
  add: text('Add', 'Añadir', 'Aggiungi', 'Ajouter', 'Hinzufügen'),
  remove: text('Remove', 'Quitar', 'Rimuovi', 'Retirer', 'Entfernen'),
};

// Commas separate tags in CSV imports and the studio: a tag holding one could never be typed back.
const tagSchema = z
  .string({ error: MESSAGES.badTag.en })
  .transform(normalizeTag)
  .refine((tag) => tag.length >= 1 && tag.length <= TAG_MAX_LENGTH && !tag.includes(','), { error: MESSAGES.badTag.en });

const configSchema = z.object({
  target: withUi(z.enum(TARGETS, { error: MESSAGES.chooseTarget.en }), {
    label: text('Tag', 'Etiquetar', 'Etichetta', 'Étiqueter', 'Markieren'),
    widget: 'choice',
    options: TARGET_LABELS,
  }),
  action: withUi(z.enum(ACTIONS, { error: MESSAGES.chooseAction.en }).default('add'), {
    label: text('Action', 'Acción', 'Azione', 'Action', 'Aktion'),
    widget: 'choice',
    options: ACTION_LABELS,
  }),
  tags: withUi(
    z
      .array(tagSchema, { error: MESSAGES.writeTags.en })
      .min(1, { error: MESSAGES.writeTags.en })
      .max(TAGS_PER_NODE, { error: MESSAGES.tooManyTags.en })
      .transform((tags) => [...new Set(tags)]),
    {
      label: text('Tags', 'Etiquetas', 'Tag', 'Étiquettes', 'Tags'),
      help: text(
        'Stored in lower case. Conditions can then ask for them, in this run and in later ones.',
        'Se guardan en minúsculas. Las condiciones pueden consultarlas después, en esta ejecución y en las siguientes.',
        'Salvati in minuscolo. Le condizioni possono poi usarli, in questa esecuzione e nelle successive.',
        'Enregistrées en minuscules. Les conditions peuvent ensuite les consulter, dans cette exécution et les suivantes.',
        'In Kleinbuchstaben gespeichert. Bedingungen können sie danach abfragen, in diesem und in späteren Durchläufen.',
      ),
      widget: 'tags',
    },
  ),
});

export type TagConfig = z.infer<typeof configSchema>;

const LABEL: LocalizedText = text('Tag', 'Etiquetar', 'Etichetta', 'Étiqueter', 'Markieren');

const SUMMARY: Record<Locale, Record<TagConfig['action'], Record<TagConfig['target'], string>>> = {
  en: { add: { shipment: 'Tag shipment', customer: 'Tag customer' }, remove: { shipment: 'Untag shipment', customer: 'Untag customer' } },
  es: { add: { shipment: 'Etiquetar envío', customer: 'Etiquetar cliente' }, remove: { shipment: 'Quitar etiqueta al envío', customer: 'Quitar etiqueta al cliente' } },
  it: { add: { shipment: 'Etichetta spedizione', customer: 'Etichetta cliente' }, remove: { shipment: 'Togli tag alla spedizione', customer: 'Togli tag al cliente' } },
  fr: { add: { shipment: "Étiqueter l'envoi", customer: 'Étiqueter le client' }, remove: { shipment: "Retirer de l'envoi", customer: 'Retirer du client' } },
  de: { add: { shipment: 'Sendung markieren', customer: 'Kunden markieren' }, remove: { shipment: 'Tag der Sendung entfernen', customer: 'Tag des Kunden entfernen' } },
};

/** "Tag customer: vip, returned". */
function summary(config: TagConfig, locale: Locale): string {
  const head = SUMMARY[locale][config.action ?? 'add'][config.target ?? 'shipment'];
  return config.tags?.length ? `${head}: ${config.tags.join(', ')}` : head;
}

/**
 * Adds tags to, or removes them from, the run's shipment or its customer. The change is written with the
 * step, so a condition later in the same run already sees it; doing it twice changes nothing more.
 */
export const tagNodeType = defineNodeType<'tag', TagConfig>({
  type: 'tag',
  kind: 'action',
  version: 1,
  category: 'integrations',
  icon: 'tag',
  label: LABEL,
  help: text(
    'Adds or removes tags on the shipment or its customer, for conditions and for your team.',
    'Añade o quita etiquetas del envío o de su cliente, para las condiciones y para tu equipo.',
    'Aggiunge o rimuove tag dalla spedizione o dal suo cliente, per le condizioni e per il tuo team.',
    "Ajoute ou retire des étiquettes de l'envoi ou de son client, pour les conditions et pour votre équipe.",
    'Fügt der Sendung oder ihrem Kunden Tags hinzu oder entfernt sie, für Bedingungen und für Ihr Team.',
  ),
  configSchema,
  configMessages: Object.values(MESSAGES),
  defaultConfig: { target: 'customer', action: 'add', tags: [] },
  ports: () => NEXT_PORTS,
  references: () => [],
  needsShipment: (config) => config.target === 'shipment',
  summary,
});
