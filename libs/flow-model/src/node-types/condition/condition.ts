import type { Locale } from '@postino/status';
import { z } from 'zod';
import { defineNodeType, type LocalizedText, type NodePort } from '../../node-type';
import type { RunFacts } from '../../facts/run-facts';
import { withUi } from '../../ui-hints';
import { type ConditionRule, describeRule, RULE_MESSAGES, ruleHolds, ruleSchema } from './rules';

const MAX_GROUPS = 10;
const MAX_RULES = 20;

const MESSAGES = {
  addGroup: {
    en: 'Add at least one group of rules.',
    es: 'Añade al menos un grupo de reglas.',
    it: 'Aggiungi almeno un gruppo di regole.',
    fr: 'Ajoutez au moins un groupe de règles.',
    de: 'Fügen Sie mindestens eine Regelgruppe hinzu.',
  },
  tooManyGroups: {
    en: `A condition can hold at most ${MAX_GROUPS} groups.`,
    es: `Una condición puede tener como máximo ${MAX_GROUPS} grupos.`,
    it: `Una condizione può contenere al massimo ${MAX_GROUPS} gruppi.`,
    fr: `Une condition peut contenir au plus ${MAX_GROUPS} groupes.`,
    de: `Eine Bedingung kann höchstens ${MAX_GROUPS} Gruppen enthalten.`,
  },
  addRule: {
    en: 'Add at least one rule to this group.',
    es: 'Añade al menos una regla a este grupo.',
    it: 'Aggiungi almeno una regola a questo gruppo.',
    fr: 'Ajoutez au moins une règle à ce groupe.',
    de: 'Fügen Sie dieser Gruppe mindestens eine Regel hinzu.',
  },
  tooManyRules: {
    en: `A group can hold at most ${MAX_RULES} rules.`,
    es: `Un grupo puede tener como máximo ${MAX_RULES} reglas.`,
    it: `Un gruppo può contenere al massimo ${MAX_RULES} regole.`,
    fr: `Un groupe peut contenir au plus ${MAX_RULES} règles.`,
    de: `Eine Gruppe kann höchstens ${MAX_RULES} Regeln enthalten.`,
  },
  allOrAny: {
    en: 'Choose whether all or any must hold.',
    es: 'Elige si deben cumplirse todas o alguna.',
    it: 'Scegli se devono valere tutte o almeno una.',
    fr: "Choisissez si toutes ou l'une d'elles doivent être vraies.",
    de: 'Wählen Sie, ob alle oder eine zutreffen müssen.',
  },
} satisfies Record<string, LocalizedText>;

const MATCH_LABELS: Record<'all' | 'any', LocalizedText> = {
  all: { en: 'All of', es: 'Todas', it: 'Tutte', fr: 'Toutes', de: 'Alle' },
  any: { en: 'Any of', es: 'Alguna', it: 'Almeno una', fr: "L'une d'elles", de: 'Mindestens eine' },
};

const matchSchema = z.enum(['all', 'any'], { error: MESSAGES.allOrAny.en });

const groupSchema = z.object({
  match: matchSchema.default('all'),
  rules: z.array(ruleSchema, { error: MESSAGES.addRule.en }).min(1, MESSAGES.addRule.en).max(MAX_RULES, MESSAGES.tooManyRules.en),
});

const configSchema = z.object({
  match: withUi(matchSchema.default('all'), {
    label: {
      en: 'Groups that must hold',
      es: 'Grupos que deben cumplirse',
      it: 'Gruppi che devono valere',
      fr: 'Groupes qui doivent être vrais',
      de: 'Gruppen, die zutreffen müssen',
    },
    widget: 'choice',
    options: MATCH_LABELS,
  }),
  groups: withUi(
    z.array(groupSchema, { error: MESSAGES.addGroup.en }).min(1, MESSAGES.addGroup.en).max(MAX_GROUPS, MESSAGES.tooManyGroups.en),
    {
      label: { en: 'Rules', es: 'Reglas', it: 'Regole', fr: 'Règles', de: 'Regeln' },
      help: {
        en: 'A rule about something the shop does not know (no order, no country) counts as not met.',
        es: 'Una regla sobre algo que la tienda no sabe (sin pedido, sin país) cuenta como no cumplida.',
        it: 'Una regola su qualcosa che il negozio non sa (nessun ordine, nessun paese) conta come non soddisfatta.',
        fr: "Une règle sur ce que la boutique ne sait pas (pas de commande, pas de pays) compte comme non remplie.",
        de: 'Eine Regel über etwas, das der Shop nicht weiß (keine Bestellung, kein Land), gilt als nicht erfüllt.',
      },
      widget: 'condition_builder',
    },
  ),
});

export type ConditionConfig = z.infer<typeof configSchema>;

const PORTS: readonly NodePort[] = [
  { id: 'yes', label: { en: 'Yes', es: 'Sí', it: 'Sì', fr: 'Oui', de: 'Ja' } },
  { id: 'no', label: { en: 'No', es: 'No', it: 'No', fr: 'Non', de: 'Nein' } },
];

/** Whether a run meets the condition: its groups combined by `match`, each group's rules by the group's. */
export function evaluateCondition(config: ConditionConfig, facts: RunFacts): boolean {
  const holds = (match: 'all' | 'any', tests: (() => boolean)[]) => (match === 'all' ? tests.every((t) => t()) : tests.some((t) => t()));
  return holds(
    config.match,
    config.groups.map((group) => () => holds(group.match, group.rules.map((rule) => () => ruleHolds(rule, facts)))),
  );
}

/** The facts a condition reads, so the engine loads only the order or customer some rule asks about. */
export function conditionFacts(config: ConditionConfig): string[] {
  return config.groups.flatMap((group) => group.rules.map((rule) => rule.fact));
}

const IF: Record<Locale, string> = { en: 'If', es: 'Si', it: 'Se', fr: 'Si', de: 'Wenn' };
const AND_MORE: Record<Locale, (n: number) => string> = {
  en: (n) => `and ${n} more`,
  es: (n) => `y ${n} más`,
  it: (n) => `e altre ${n}`,
  fr: (n) => `et ${n} de plus`,
  de: (n) => `und ${n} weitere`,
};

export const conditionNodeType = defineNodeType<'condition', ConditionConfig>({
  type: 'condition',
  kind: 'logic',
  version: 1,
  category: 'logic',
  icon: 'split',
  label: { en: 'Condition', es: 'Condición', it: 'Condizione', fr: 'Condition', de: 'Bedingung' },
  help: {
    en: 'Sends the run down "Yes" or "No" depending on the shipment, its order and its customer.',
    es: 'Envía la ejecución por "Sí" o "No" según el envío, su pedido y su cliente.',
    it: "Manda l'esecuzione su \"Sì\" o \"No\" in base alla spedizione, al suo ordine e al suo cliente.",
    fr: "Envoie l'exécution vers « Oui » ou « Non » selon l'envoi, sa commande et son client.",
    de: 'Leitet den Durchlauf je nach Sendung, Bestellung und Kunde zu „Ja“ oder „Nein“.',
  },
  configSchema,
  configMessages: [...Object.values(MESSAGES), ...Object.values(RULE_MESSAGES)],
  defaultConfig: {
    match: 'all',
    groups: [{ match: 'all', rules: [{ fact: 'shipment.status', operator: 'is_any_of', value: ['delivered'] }] }],
  },
  ports: () => PORTS,
  references: () => [],
  // Facts are named by what they are about (`shipment.status`, `order.total`).
  needsShipment: (config) => conditionFacts(config).some((fact) => fact.startsWith('shipment.')),
  summary: (config, locale) => {
    const rules: ConditionRule[] = config.groups.flatMap((group) => group.rules);
    const first = `${IF[locale]} ${describeRule(rules[0], locale)}`;
    return rules.length > 1 ? `${first} ${AND_MORE[locale](rules.length - 1)}` : first;
  },
});
