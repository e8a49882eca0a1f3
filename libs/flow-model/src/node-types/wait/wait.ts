import { type Locale, STATUSES, statusLabel } from '@postino/status';
import { z } from 'zod';
import { defineNodeType, type LocalizedText, type NodePort } from '../../node-type';
import { withUi } from '../../ui-hints';
import { DURATION_MESSAGES, durationSchema, formatDuration, MAX_WAIT_DAYS } from '../shared/duration';
import { NEXT_PORTS } from '../shared/next-port';
import { describeWindow, localWindowSchema, WINDOW_MESSAGES } from './local-window';

const MESSAGES = {
  chooseMode: {
    en: 'Choose what to wait for: a while, a time of day, or a status.',
    es: 'Elige qué esperar: un tiempo, una hora del día o un estado.',
    it: "Scegli cosa attendere: un intervallo, un'ora del giorno o uno stato.",
    fr: 'Choisissez ce qu’il faut attendre : une durée, une heure de la journée ou un statut.',
    de: 'Wählen Sie, worauf gewartet wird: eine Dauer, eine Tageszeit oder einen Status.',
  },
  chooseStatuses: {
    en: 'Choose the statuses to wait for, each once.',
    es: 'Elige los estados que esperar, cada uno una vez.',
    it: 'Scegli gli stati da attendere, ognuno una volta.',
    fr: 'Choisissez les statuts à attendre, chacun une fois.',
    de: 'Wählen Sie die Status, auf die gewartet wird, jeden nur einmal.',
  },
} satisfies Record<string, LocalizedText>;

const text = (en: string, es: string, it: string, fr: string, de: string): LocalizedText => ({ en, es, it, fr, de });

const durationField = withUi(durationSchema, {
  label: text('How long', 'Cuánto tiempo', 'Quanto tempo', 'Combien de temps', 'Wie lange'),
  help: text(`Up to ${MAX_WAIT_DAYS} days.`, `Hasta ${MAX_WAIT_DAYS} días.`, `Fino a ${MAX_WAIT_DAYS} giorni.`, `Jusqu'à ${MAX_WAIT_DAYS} jours.`, `Bis zu ${MAX_WAIT_DAYS} Tage.`),
  widget: 'duration',
});

// Configs stored before the modes existed hold only `duration`: the mode defaults to it, with the same meaning.
const durationMode = z.object({ mode: z.literal('duration').default('duration'), duration: durationField });

const windowMode = z.object({
  mode: z.literal('window'),
  window: withUi(localWindowSchema, {
    label: text('Days and hours', 'Días y horas', 'Giorni e ore', 'Jours et heures', 'Tage und Uhrzeiten'),
    help: text(
      "In the recipient's time zone (theirs, else their country's, else the shop's). Inside the window the run goes on at once.",
      'En la zona horaria del destinatario (la suya, si no la de su país, si no la de la tienda). Dentro de la franja sigue enseguida.',
      "Nel fuso orario del destinatario (il suo, altrimenti quello del suo paese, altrimenti quello del negozio). Dentro la fascia prosegue subito.",
      "Dans le fuseau du destinataire (le sien, sinon celui de son pays, sinon celui de la boutique). Dans la plage, l'exécution continue aussitôt.",
      'In der Zeitzone des Empfängers (seiner, sonst der seines Landes, sonst der des Shops). Innerhalb des Fensters geht es sofort weiter.',
    ),
    widget: 'local_time_window',
  }),
});

const statusMode = z.object({
  mode: z.literal('status'),
  statuses: withUi(
    z
      .array(z.enum(STATUSES, { error: MESSAGES.chooseStatuses.en }), { error: MESSAGES.chooseStatuses.en })
      .min(1, MESSAGES.chooseStatuses.en)
      .refine((statuses) => new Set(statuses).size === statuses.length, MESSAGES.chooseStatuses.en),
    {
      label: text('Statuses', 'Estados', 'Stati', 'Statuts', 'Status'),
      help: text(
        'Goes on by "Reached" as soon as the shipment is in one of them (at once if it already is).',
        'Sigue por "Alcanzado" en cuanto el envío esté en uno de ellos (enseguida si ya lo está).',
        'Prosegue da "Raggiunto" appena la spedizione è in uno di essi (subito se lo è già).',
        "Continue par « Atteint » dès que l'envoi est dans l'un d'eux (aussitôt s'il l'est déjà).",
        'Geht über „Erreicht“ weiter, sobald die Sendung in einem davon ist (sofort, wenn sie es schon ist).',
      ),
      widget: 'status_picker',
    },
  ),
  timeout: withUi(durationSchema, {
    label: text('Give up after', 'Dejar de esperar tras', 'Smetti di attendere dopo', 'Abandonner après', 'Aufgeben nach'),
    help: text(
      `Then the run goes on by "Timed out". Up to ${MAX_WAIT_DAYS} days.`,
      `Entonces sigue por "Tiempo agotado". Hasta ${MAX_WAIT_DAYS} días.`,
      `Poi prosegue da "Tempo scaduto". Fino a ${MAX_WAIT_DAYS} giorni.`,
      `L'exécution continue alors par « Délai dépassé ». Jusqu'à ${MAX_WAIT_DAYS} jours.`,
      `Dann geht es über „Zeit abgelaufen“ weiter. Bis zu ${MAX_WAIT_DAYS} Tage.`,
    ),
    widget: 'duration',
  }),
});

const MODE_LABELS: Record<'duration' | 'window' | 'status', LocalizedText> = {
  duration: text('A while', 'Un tiempo', 'Un intervallo', 'Une durée', 'Eine Weile'),
  window: text('A time of day', 'Una hora del día', "Un'ora del giorno", 'Une heure de la journée', 'Eine Tageszeit'),
  status: text('A status', 'Un estado', 'Uno stato', 'Un statut', 'Einen Status'),
};

const configSchema = withUi(z.discriminatedUnion('mode', [durationMode, windowMode, statusMode], { error: MESSAGES.chooseMode.en }), {
  label: text('Wait for', 'Esperar a', 'Attendere', 'Attendre', 'Warten auf'),
  widget: 'choice',
  options: MODE_LABELS,
});

export type WaitConfig = z.infer<typeof configSchema>;

const STATUS_PORTS: readonly NodePort[] = [
  { id: 'next', label: text('Reached', 'Alcanzado', 'Raggiunto', 'Atteint', 'Erreicht') },
  { id: 'timeout', label: text('Timed out', 'Tiempo agotado', 'Tempo scaduto', 'Délai dépassé', 'Zeit abgelaufen') },
];

const SUMMARY: Record<Locale, { wait: (what: string) => string; until: (what: string) => string; atMost: (what: string) => string }> = {
  en: { wait: (d) => `Wait ${d}`, until: (w) => `Wait until ${w}`, atMost: (d) => `at most ${d}` },
  es: { wait: (d) => `Esperar ${d}`, until: (w) => `Esperar hasta ${w}`, atMost: (d) => `máximo ${d}` },
  it: { wait: (d) => `Attendi ${d}`, until: (w) => `Attendi fino a ${w}`, atMost: (d) => `al massimo ${d}` },
  fr: { wait: (d) => `Attendre ${d}`, until: (w) => `Attendre jusqu'à ${w}`, atMost: (d) => `au plus ${d}` },
  de: { wait: (d) => `${d} warten`, until: (w) => `Warten bis ${w}`, atMost: (d) => `höchstens ${d}` },
};

const LOCAL_TIME_NOTE = text("recipient's time", 'hora del destinatario', 'ora del destinatario', 'heure du destinataire', 'Ortszeit des Empfängers');

export const waitNodeType = defineNodeType<'wait', WaitConfig>({
  type: 'wait',
  kind: 'logic',
  // Still 1: every config stored before the modes parses to the same meaning (a duration).
  version: 1,
  category: 'timing',
  icon: 'hourglass',
  label: { en: 'Wait', es: 'Esperar', it: 'Attesa', fr: 'Attendre', de: 'Warten' },
  help: {
    en: 'Pauses the run for a while, until a time of day where the recipient is, or until the shipment reaches a status.',
    es: 'Pausa la ejecución un tiempo, hasta una hora del día donde está el destinatario, o hasta que el envío llegue a un estado.',
    it: "Mette in pausa l'esecuzione per un po', fino a un'ora del giorno del destinatario, o finché la spedizione raggiunge uno stato.",
    fr: "Met l'exécution en pause un moment, jusqu'à une heure de la journée chez le destinataire, ou jusqu'à ce que l'envoi atteigne un statut.",
    de: 'Pausiert den Durchlauf eine Weile, bis zu einer Tageszeit beim Empfänger oder bis die Sendung einen Status erreicht.',
  },
  configSchema,
  configMessages: [...Object.values(MESSAGES), ...Object.values(DURATION_MESSAGES), ...Object.values(WINDOW_MESSAGES)],
  defaultConfig: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
  ports: (config) => (config.mode === 'status' ? STATUS_PORTS : NEXT_PORTS),
  references: () => [],
  // Only "until a status" reads the shipment; a duration or a time window works for any run.
  needsShipment: (config) => config.mode === 'status',
  summary: (config, locale) => {
    const words = SUMMARY[locale];
    switch (config.mode) {
      case 'duration':
        return words.wait(formatDuration(config.duration, locale));
      case 'window':
        return words.until(`${describeWindow(config.window, locale)} (${LOCAL_TIME_NOTE[locale]})`);
      case 'status': {
        const statuses = new Intl.ListFormat(locale, { type: 'disjunction' }).format(config.statuses.map((s) => statusLabel(s, locale)));
        return `${words.until(statuses)} (${words.atMost(formatDuration(config.timeout, locale))})`;
      }
    }
  },
});
