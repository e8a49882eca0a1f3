import type { shopDataBatchSchema } from '@postino/api-contract';
import type { z } from 'zod';

/** Shop data as a mapper writes it: the input of shopDataBatchSchema, validated (and defaulted) before it is applied. */
export type ShopDataDraft = Partial<z.input<typeof shopDataBatchSchema>>;
export type ShipmentDraft = NonNullable<ShopDataDraft['shipments']>[number];

/** What a mapper knows besides the payload. */
export interface MappingContext {
  /** The integration's currency, for product prices the platform sends without one. */
  currency: string | null;
}

/** A payload turned into shop data, with what had to be left out and why (e.g. a shipment of an unsupported carrier). */
export interface MappedPayload {
  batch: ShopDataDraft;
  notes: string[];
}

/** How one topic's payload is read (its schema, only the fields Postino uses) and mapped. Pure: no I/O. */
export interface TopicMapping<T = unknown> {
  schema: z.ZodType<T>;
  map(payload: T, context: MappingContext): MappedPayload;
}

export function topicMapping<S extends z.ZodType>(schema: S, map: (payload: z.output<S>, context: MappingContext) => MappedPayload): TopicMapping {
  return { schema, map: map as TopicMapping['map'] };
}

/**
 * One shop platform's webhooks: which headers carry the signature (base64 HMAC-SHA256 of the raw body), the
 * topic and the delivery id, and how each topic it knows maps to shop data. Topics not listed are ignored.
 */
export interface ShopPlatformDefinition {
  /** Header names as the platform documents them (read case-insensitively). */
  headers: { signature: string; topic: string; deliveryId: string };
  /** By the topic header's value (a Map: a topic named "constructor" must find nothing). */
  topics: ReadonlyMap<string, TopicMapping>;
  /** A delivery that only proves the URL answers and carries no data (WooCommerce's ping on saving a webhook). */
  isPing?(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): boolean;
}
