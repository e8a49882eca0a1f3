import type { Locale } from '@postino/status';
import { z } from 'zod';
import { type EnumFact, getFact } from '../../facts/fact-catalogue';
import type { RunFacts } from '../../facts/run-facts';
import { defineNodeType, type LocalizedText, type NodePort } from '../../node-type';
import { withUi } from '../../ui-hints';

/** What a switch can branch on: facts with a short list of values, read from the shipment. */
const SWITCH_FACTS = ['shipment.status', 'shipment.carrier', 'shipment.destination_country'] as const;
type SwitchFact = (typeof SWITCH_FACTS)[number];

const MAX_CASES = 20;
const CASE_ID = /^[a-z0-9_-]{1,32}$/;
export const DEFAULT_PORT = 'default';

const MESSAGES = {
  chooseBy: {
    en: 'Choose what to branch on: status, carrier or destination country.',
    es: 'Elige según qué ramificar: estado, transportista o país de destino.',
    it: 'Scegli in base a cosa diramare: stato, corriere o paese di destinazione.',
    fr: 'Choisissez selon quoi aiguiller : statut, transporteur ou pays de destination.',
    de: 'Wählen Sie, wonach verzweigt wird: Status, Versanddienstleister oder Zielland.',
  },
  addCase: {
    en: `Add one to ${MAX_CASES} cases.`,
    es: `Añade de uno a ${MAX_CASES} casos.`,
    it: `Aggiungi da uno a ${MAX_CASES} casi.`,
    fr: `Ajoutez de un à ${MAX_CASES} cas.`,
    de: `Fügen Sie einen bis ${MAX_CASES} Fälle hinzu.`,
  },
  caseId: {
    en: 'Give each case a short id of lowercase letters, digits, - or _.',
    es: 'Da a cada caso un id corto de minúsculas, cifras, - o _.',
    it: 'Dai a ogni caso un id breve di lettere minuscole, cifre, - o _.',
    fr: 'Donnez à chaque cas un identifiant court de minuscules, chiffres, - ou _.',
    de: 'Geben Sie jedem Fall eine kurze ID aus Kleinbuchstaben, Ziffern, - oder _.',
  },
  duplicateCaseId: {
    en: 'Two cases have the same id ("default" is taken by the other exit).',
    es: 'Dos casos tienen el mismo id ("default" es la otra salida).',
    it: 'Due casi hanno lo stesso id ("default" è l\'altra uscita).',
    fr: 'Deux cas ont le même identifiant (« default » est pris par l\'autre sortie).',
    de: 'Zwei Fälle haben dieselbe ID („default“ ist der andere Ausgang).',
  },
  chooseValues: {
    en: 'Choose at least one value for each case, from the list.',
    es: 'Elige al menos un valor de la lista para cada caso.',
    it: "Scegli almeno un valore dall'elenco per ogni caso.",
    fr: 'Choisissez au moins une valeur de la liste pour chaque cas.',
    de: 'Wählen Sie für jeden Fall mindestens einen Wert aus der Liste.',
  },
  valueInTwoCases: {
    en: 'A value can lead to only one case.',
    es: 'Un valor solo puede llevar a un caso.',
    it: 'Un valore può portare a un solo caso.',
    fr: "Une valeur ne peut mener qu'à un seul cas.",
    de: 'Ein Wert kann nur zu einem Fall führen.',
  },
  labelTooLong: {
    en: 'Keep the label to 60 characters.',
    es: 'La etiqueta puede tener hasta 60 caracteres.',
    it: "L'etichetta può avere al massimo 60 caratteri.",
    fr: "L'étiquette peut compter au plus 60 caractères.",
    de: 'Die Bezeichnung darf höchstens 60 Zeichen haben.',
  },
} satisfies Record<string, LocalizedText>;

const factOf = (id: SwitchFact) => getFact(id) as EnumFact;

const caseSchema = z.object({
  id: z.string({ error: MESSAGES.caseId.en }).regex(CASE_ID, MESSAGES.caseId.en),
  values: z.array(z.string({ error: MESSAGES.chooseValues.en }), { error: MESSAGES.chooseValues.en }).min(1, MESSAGES.chooseValues.en),
  /** The exit's name on the canvas; without one it is named by its values. */
  label: z.string({ error: MESSAGES.labelTooLong.en }).trim().max(60, MESSAGES.labelTooLong.en).optional(),
});

const configSchema = z
  .object({
    by: withUi(z.enum(SWITCH_FACTS, { error: MESSAGES.chooseBy.en }), {
      label: { en: 'Branch by', es: 'Ramificar por', it: 'Dirama per', fr: 'Aiguiller selon', de: 'Verzweigen nach' },
      widget: 'choice',
      options: Object.fromEntries(SWITCH_FACTS.map((id) => [id, factOf(id).label])),
    }),
    cases: withUi(z.array(caseSchema, { error: MESSAGES.addCase.en }).min(1, MESSAGES.addCase.en).max(MAX_CASES, MESSAGES.addCase.en), {
      label: { en: 'Cases', es: 'Casos', it: 'Casi', fr: 'Cas', de: 'Fälle' },
      help: {
        en: 'Each case is an exit; a shipment matching none leaves by "Other".',
        es: 'Cada caso es una salida; un envío que no encaja en ninguno sale por "Otro".',
        it: 'Ogni caso è un\'uscita; una spedizione che non corrisponde a nessuno esce da "Altro".',
        fr: 'Chaque cas est une sortie ; un envoi qui ne correspond à aucun sort par « Autre ».',
        de: 'Jeder Fall ist ein Ausgang; eine Sendung, die keinem entspricht, geht zu „Sonstige“.',
      },
      widget: 'switch_cases',
      linkedField: 'by',
    }),
  })
  .superRefine((config, ctx) => {
    const fact = factOf(config.by);
    const ids = new Set<string>([DEFAULT_PORT]);
    const seenValues = new Set<string>();
    config.cases.forEach((entry, index) => {
      if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['cases', index, 'id'], message: MESSAGES.duplicateCaseId.en });
      ids.add(entry.id);
      entry.values.forEach((value, valueIndex) => {
        const path = ['cases', index, 'values', valueIndex];
        if (!fact.accepts(value)) ctx.addIssue({ code: 'custom', path, message: MESSAGES.chooseValues.en });
        else if (seenValues.has(value)) ctx.addIssue({ code: 'custom', path, message: MESSAGES.valueInTwoCases.en });
        seenValues.add(value);
      });
    });
  });

export type SwitchConfig = z.infer<typeof configSchema>;

const OTHER: LocalizedText = { en: 'Other', es: 'Otro', it: 'Altro', fr: 'Autre', de: 'Sonstige' };

function caseLabel(config: SwitchConfig, entry: SwitchConfig['cases'][number]): LocalizedText {
  if (entry.label) return { en: entry.label, es: entry.label, it: entry.label, fr: entry.label, de: entry.label };
  const fact = factOf(config.by);
  const named = (locale: Locale) =>
    new Intl.ListFormat(locale, { type: 'disjunction' }).format(entry.values.map((value) => fact.optionLabel(value, locale)));
  return { en: named('en'), es: named('es'), it: named('it'), fr: named('fr'), de: named('de') };
}

/** The exit a run leaves by: the first case listing the fact's value, else "default" (also when it is unknown). */
export function switchPort(config: SwitchConfig, facts: RunFacts): string {
  const value = factOf(config.by).read(facts);
  return config.cases.find((entry) => value !== null && entry.values.includes(value))?.id ?? DEFAULT_PORT;
}

export const switchNodeType = defineNodeType<'switch', SwitchConfig>({
  type: 'switch',
  kind: 'logic',
  version: 1,
  category: 'logic',
  icon: 'git-branch',
  label: { en: 'Switch', es: 'Según el valor', it: 'Smistamento', fr: 'Aiguillage', de: 'Weiche' },
  help: {
    en: 'Sends the run down one exit per status, carrier or destination country.',
    es: 'Envía la ejecución por una salida según el estado, el transportista o el país de destino.',
    it: "Manda l'esecuzione su un'uscita per stato, corriere o paese di destinazione.",
    fr: "Envoie l'exécution vers une sortie par statut, transporteur ou pays de destination.",
    de: 'Leitet den Durchlauf je Status, Versanddienstleister oder Zielland zu einem eigenen Ausgang.',
  },
  configSchema,
  configMessages: Object.values(MESSAGES),
  defaultConfig: { by: 'shipment.status', cases: [{ id: 'delivered', values: ['delivered'] }] },
  ports: (config) => [
    ...config.cases.map((entry): NodePort => ({ id: entry.id, label: caseLabel(config, entry) })),
    { id: DEFAULT_PORT, label: OTHER },
  ],
  references: () => [],
  // Every fact a switch branches by is the shipment's.
  needsShipment: () => true,
  summary: (config, locale) => {
    const exits = [...config.cases.map((entry) => caseLabel(config, entry)[locale]), OTHER[locale]];
    return `${factOf(config.by).label[locale]}: ${exits.join(' · ')}`;
  },
});
