import type { Locale } from '@postino/status';
import { z } from 'zod';
import { defineNodeType, type LocalizedText, type NodePort } from '../../node-type';
import { withUi } from '../../ui-hints';
import { HOLDOUT } from './assignment';

const MIN_VARIANTS = 2;
const MAX_VARIANTS = 5;
const VARIANT_ID = /^[a-z0-9_-]{1,32}$/;

const MESSAGES = {
  variantCount: {
    en: `An A/B split has ${MIN_VARIANTS} to ${MAX_VARIANTS} variants.`,
    es: `Una prueba A/B tiene de ${MIN_VARIANTS} a ${MAX_VARIANTS} variantes.`,
    it: `Un test A/B ha da ${MIN_VARIANTS} a ${MAX_VARIANTS} varianti.`,
    fr: `Un test A/B compte de ${MIN_VARIANTS} à ${MAX_VARIANTS} variantes.`,
    de: `Ein A/B-Test hat ${MIN_VARIANTS} bis ${MAX_VARIANTS} Varianten.`,
  },
  variantId: {
    en: 'Give each variant a short id of lowercase letters, digits, - or _.',
    es: 'Da a cada variante un id corto de minúsculas, cifras, - o _.',
    it: 'Dai a ogni variante un id breve di lettere minuscole, cifre, - o _.',
    fr: 'Donnez à chaque variante un identifiant court de minuscules, chiffres, - ou _.',
    de: 'Geben Sie jeder Variante eine kurze ID aus Kleinbuchstaben, Ziffern, - oder _.',
  },
  duplicateVariantId: {
    en: 'Two variants have the same id ("holdout" is reserved).',
    es: 'Dos variantes tienen el mismo id ("holdout" está reservado).',
    it: 'Due varianti hanno lo stesso id ("holdout" è riservato).',
    fr: 'Deux variantes ont le même identifiant (« holdout » est réservé).',
    de: 'Zwei Varianten haben dieselbe ID („holdout“ ist reserviert).',
  },
  weight: {
    en: 'Give each variant a whole percentage from 1 to 100.',
    es: 'Da a cada variante un porcentaje entero de 1 a 100.',
    it: 'Dai a ogni variante una percentuale intera da 1 a 100.',
    fr: 'Donnez à chaque variante un pourcentage entier de 1 à 100.',
    de: 'Geben Sie jeder Variante einen ganzen Prozentsatz von 1 bis 100.',
  },
  holdout: {
    en: 'The holdout is a whole percentage from 0 to 50.',
    es: 'El grupo de control es un porcentaje entero de 0 a 50.',
    it: 'Il gruppo di controllo è una percentuale intera da 0 a 50.',
    fr: 'Le groupe témoin est un pourcentage entier de 0 à 50.',
    de: 'Die Kontrollgruppe ist ein ganzer Prozentsatz von 0 bis 50.',
  },
  sumTo100: {
    en: 'The variants and the holdout must add up to 100 %.',
    es: 'Las variantes y el grupo de control deben sumar 100 %.',
    it: 'Le varianti e il gruppo di controllo devono sommare 100 %.',
    fr: 'Les variantes et le groupe témoin doivent totaliser 100 %.',
    de: 'Varianten und Kontrollgruppe müssen zusammen 100 % ergeben.',
  },
  nameTooLong: {
    en: 'Keep the name to 60 characters.',
    es: 'El nombre puede tener hasta 60 caracteres.',
    it: 'Il nome può avere al massimo 60 caratteri.',
    fr: 'Le nom peut compter au plus 60 caractères.',
    de: 'Der Name darf höchstens 60 Zeichen haben.',
  },
} satisfies Record<string, LocalizedText>;

const variantSchema = z.object({
  id: z.string({ error: MESSAGES.variantId.en }).regex(VARIANT_ID, MESSAGES.variantId.en),
  /** The exit's name on the canvas ("10 % coupon"); without one it is "Variant A", "Variant B"… */
  name: z.string({ error: MESSAGES.nameTooLong.en }).trim().max(60, MESSAGES.nameTooLong.en).optional(),
  weight: z.int({ error: MESSAGES.weight.en }).min(1, MESSAGES.weight.en).max(100, MESSAGES.weight.en),
});

const configSchema = z
  .object({
    variants: withUi(
      z.array(variantSchema, { error: MESSAGES.variantCount.en }).min(MIN_VARIANTS, MESSAGES.variantCount.en).max(MAX_VARIANTS, MESSAGES.variantCount.en),
      {
        label: { en: 'Variants', es: 'Variantes', it: 'Varianti', fr: 'Variantes', de: 'Varianten' },
        help: {
          en: 'Each customer always gets the same variant. Changing the shares starts a new test.',
          es: 'Cada cliente recibe siempre la misma variante. Cambiar los porcentajes inicia una prueba nueva.',
          it: 'Ogni cliente riceve sempre la stessa variante. Cambiare le percentuali avvia un nuovo test.',
          fr: 'Chaque client reçoit toujours la même variante. Modifier les parts lance un nouveau test.',
          de: 'Jeder Kunde erhält immer dieselbe Variante. Geänderte Anteile starten einen neuen Test.',
        },
        widget: 'weights',
        linkedField: 'holdout',
      },
    ),
    holdout: withUi(z.int({ error: MESSAGES.holdout.en }).min(0, MESSAGES.holdout.en).max(50, MESSAGES.holdout.en).default(0), {
      label: { en: 'Holdout (%)', es: 'Grupo de control (%)', it: 'Gruppo di controllo (%)', fr: 'Groupe témoin (%)', de: 'Kontrollgruppe (%)' },
      help: {
        en: 'Customers who receive nothing from here on, to measure what the messages add.',
        es: 'Clientes que no reciben nada desde aquí, para medir lo que aportan los mensajes.',
        it: 'Clienti che da qui non ricevono nulla, per misurare cosa aggiungono i messaggi.',
        fr: "Clients qui ne reçoivent plus rien à partir d'ici, pour mesurer l'apport des messages.",
        de: 'Kunden, die ab hier nichts erhalten, um zu messen, was die Nachrichten bewirken.',
      },
      widget: 'number',
    }),
  })
  .superRefine((config, ctx) => {
    const ids = new Set<string>([HOLDOUT]);
    config.variants.forEach((variant, index) => {
      if (ids.has(variant.id)) ctx.addIssue({ code: 'custom', path: ['variants', index, 'id'], message: MESSAGES.duplicateVariantId.en });
      ids.add(variant.id);
    });
    const total = config.variants.reduce((sum, variant) => sum + variant.weight, config.holdout);
    if (total !== 100) ctx.addIssue({ code: 'custom', path: ['variants'], message: MESSAGES.sumTo100.en });
  });

export type AbSplitConfig = z.infer<typeof configSchema>;

const VARIANT: Record<Locale, string> = { en: 'Variant', es: 'Variante', it: 'Variante', fr: 'Variante', de: 'Variante' };

function variantLabel(variant: AbSplitConfig['variants'][number], index: number): LocalizedText {
  const named = (locale: Locale) => variant.name || `${VARIANT[locale]} ${String.fromCharCode(65 + index)}`;
  return { en: named('en'), es: named('es'), it: named('it'), fr: named('fr'), de: named('de') };
}

const HOLDOUT_LABEL: LocalizedText = { en: 'holdout', es: 'control', it: 'controllo', fr: 'témoin', de: 'Kontrolle' };

export const abSplitNodeType = defineNodeType<'ab_split', AbSplitConfig>({
  type: 'ab_split',
  kind: 'logic',
  version: 1,
  category: 'logic',
  icon: 'flask',
  label: { en: 'A/B split', es: 'Prueba A/B', it: 'Test A/B', fr: 'Test A/B', de: 'A/B-Test' },
  help: {
    en: 'Splits customers between variants by fixed shares, each customer always in the same one; a holdout can receive nothing.',
    es: 'Reparte los clientes entre variantes según porcentajes fijos, cada cliente siempre en la misma; un grupo de control puede no recibir nada.',
    it: 'Divide i clienti tra varianti secondo quote fisse, ogni cliente sempre nella stessa; un gruppo di controllo può non ricevere nulla.',
    fr: 'Répartit les clients entre des variantes selon des parts fixes, chaque client toujours dans la même ; un groupe témoin peut ne rien recevoir.',
    de: 'Teilt Kunden nach festen Anteilen auf Varianten auf, jeden Kunden immer in dieselbe; eine Kontrollgruppe kann nichts erhalten.',
  },
  configSchema,
  configMessages: Object.values(MESSAGES),
  defaultConfig: {
    variants: [
      { id: 'a', weight: 50 },
      { id: 'b', weight: 50 },
    ],
    holdout: 0,
  },
  // The holdout is no exit: its customers' runs end at the split.
  ports: (config) => config.variants.map((variant, index): NodePort => ({ id: variant.id, label: variantLabel(variant, index) })),
  references: () => [],
  summary: (config, locale) => {
    const shares = config.variants.map((variant, index) => `${variantLabel(variant, index)[locale]} ${variant.weight} %`);
    if (config.holdout > 0) shares.push(`${HOLDOUT_LABEL[locale]} ${config.holdout} %`);
    return shares.join(' · ');
  },
});
