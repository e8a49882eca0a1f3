import { z } from 'zod';
import { defineNodeType, type LocalizedText } from '../../node-type';

const configSchema = z.object({});

export type ExitConfig = z.infer<typeof configSchema>;

const LABEL: LocalizedText = { en: 'Exit', es: 'Salir', it: 'Esci', fr: 'Sortie', de: 'Ende' };

/** Ends the run here: nothing after it runs, on any branch that reaches it. */
export const exitNodeType = defineNodeType<'exit', ExitConfig>({
  type: 'exit',
  kind: 'logic',
  version: 1,
  category: 'logic',
  icon: 'stop',
  label: LABEL,
  help: {
    en: 'Ends the run: nothing more is sent on this branch.',
    es: 'Termina la ejecución: no se envía nada más por esta rama.',
    it: "Termina l'esecuzione: su questo ramo non si invia altro.",
    fr: "Termine l'exécution : rien de plus n'est envoyé sur cette branche.",
    de: 'Beendet den Durchlauf: Auf diesem Zweig wird nichts mehr gesendet.',
  },
  configSchema,
  configMessages: [],
  defaultConfig: {},
  ports: () => [],
  references: () => [],
  summary: (_config, locale) => LABEL[locale],
});
