import { Status, statusSchema } from '@postino/status';
import { z } from 'zod';
import { defineNodeType } from '../node-type';
import { NEXT_LABEL } from './next-label';

/** A shipment moved to a new status (`from` is null for its first status). */
export interface StatusChangeEvent {
  to: Status;
  from: Status | null;
}

const configSchema = z.object({
  statuses: z
    .array(statusSchema, { error: 'Choose the statuses that start this flow.' })
    .min(1, 'Choose at least one status.')
    .refine((statuses) => new Set(statuses).size === statuses.length, 'Each status can be chosen only once.'),
});

export type StatusChangedConfig = z.infer<typeof configSchema>;

export const statusChangedNodeType = defineNodeType<'status_changed', StatusChangedConfig, StatusChangeEvent>({
  type: 'status_changed',
  kind: 'trigger',
  label: {
    en: 'Status changed',
    es: 'Cambio de estado',
    it: 'Cambio di stato',
    fr: 'Changement de statut',
    de: 'Statusänderung',
  },
  description: {
    en: 'Starts the flow when a shipment reaches one of the chosen statuses.',
    es: 'Inicia el flujo cuando un envío llega a uno de los estados elegidos.',
    it: 'Avvia il flusso quando una spedizione raggiunge uno degli stati scelti.',
    fr: "Démarre le flux lorsqu'un envoi atteint l'un des statuts choisis.",
    de: 'Startet den Ablauf, wenn eine Sendung einen der gewählten Status erreicht.',
  },
  configSchema,
  outputs: [{ id: 'next', label: NEXT_LABEL }],
  defaultConfig: { statuses: ['in_transit'] },
  matches: (config: StatusChangedConfig, event: StatusChangeEvent) => config.statuses.includes(event.to),
});
