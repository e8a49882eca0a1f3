import { listCarriers, getCarrier } from '@postino/carriers';
import { type Locale, LOCALES, STATUSES, statusLabel, SUBSTATUSES, substatusLabel } from '@postino/status';
import type { LocalizedText } from '../node-type';
import type { UiWidget } from '../ui-hints';
import { knownCurrencies } from './money';
import { COUNTRY_CODES, countryName } from './places';
import type { ConsentState, RunFacts } from './run-facts';

/** The kinds of value a fact holds; each has its own comparisons (see operators.ts). */
export type FactValueType = 'enum' | 'number' | 'money' | 'text' | 'tags' | 'boolean' | 'date';

export interface FactValueOf {
  enum: string;
  number: number;
  /** Minor units with their currency, as orders are stored. */
  money: { minor: number; currency: string };
  text: string;
  tags: readonly string[];
  boolean: boolean;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** What a run is about: the editor groups facts by it, and the engine loads what its rules ask about. */
export type FactSubject = 'shipment' | 'order' | 'customer' | 'shop';

interface FactBase<T extends FactValueType> {
  id: string;
  type: T;
  subject: FactSubject;
  label: LocalizedText;
  /** The fact's value for a run; null when it is absent (no order, no country given…). */
  read(facts: RunFacts): FactValueOf[T] | null;
}

/** A fact with a list of values to choose from (statuses, countries…). */
export interface EnumFact extends FactBase<'enum'> {
  /** How the editor lets a marketer pick values (a generic `choice` unless a dedicated picker exists). */
  widget: Extract<UiWidget, 'status_picker' | 'carrier_picker' | 'country_picker' | 'choice'>;
  /** The values the picker offers, in order. */
  options(): readonly string[];
  optionLabel(value: string, locale: Locale): string;
  /**
   * Closed: a rule may only name listed values. Open: any value of the right shape (a carrier Postino has no
   * table for yet, a language it does not write in), the list being suggestions.
   */
  accepts(value: string): boolean;
}

export type FactDefinition =
  | EnumFact
  | FactBase<'number'>
  | FactBase<'money'>
  | FactBase<'text'>
  | FactBase<'tags'>
  | FactBase<'boolean'>
  | FactBase<'date'>;

const text = (en: string, es: string, it: string, fr: string, de: string): LocalizedText => ({ en, es, it, fr, de });

const CONSENT_STATES: readonly ConsentState[] = ['granted', 'denied', 'none'];
const CONSENT_LABELS: Record<ConsentState, LocalizedText> = {
  granted: text('Given', 'Otorgado', 'Concesso', 'Donné', 'Erteilt'),
  denied: text('Refused', 'Rechazado', 'Negato', 'Refusé', 'Abgelehnt'),
  none: text('Not asked', 'No solicitado', 'Non richiesto', 'Non demandé', 'Nicht erfragt'),
};

const displayNames = new Map<string, Intl.DisplayNames>();
function displayName(type: 'language' | 'currency', code: string, locale: Locale): string {
  const key = `${type}:${locale}`;
  let names = displayNames.get(key);
  if (!names) displayNames.set(key, (names = new Intl.DisplayNames([locale], { type })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const SLUG = /^[a-z0-9][a-z0-9._-]{0,49}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

/** A shop's language tag as the fact compares it: its language only ("es-ES" → "es"). */
const languageOf = (tag: string | null | undefined) => tag?.trim().toLowerCase().split(/[-_]/)[0] || null;
const lowerAll = (values: readonly string[]) => values.map((value) => value.trim().toLowerCase());

function enumFact<const Id extends string>(
  fact: Omit<EnumFact, 'type' | 'accepts' | 'widget'> & { id: Id; open?: RegExp; widget?: EnumFact['widget'] },
): EnumFact & { id: Id } {
  const { open, ...rest } = fact;
  return {
    widget: 'choice',
    ...rest,
    type: 'enum',
    accepts: (value) => (open ? open.test(value) : fact.options().includes(value)),
  };
}

/**
 * Every fact a condition can test and a switch can branch on: the single source of the engine's evaluator
 * and of the editor's condition builder (labels, value types, options).
 */
export const FACTS = [
  enumFact({
    id: 'shipment.status',
    subject: 'shipment',
    label: text('Shipment status', 'Estado del envío', 'Stato della spedizione', "Statut de l'envoi", 'Sendungsstatus'),
    widget: 'status_picker',
    options: () => STATUSES,
    optionLabel: (value, locale) => statusLabel(value as (typeof STATUSES)[number], locale),
    read: (facts) => facts.shipment.status,
  }),
  enumFact({
    id: 'shipment.substatus',
    subject: 'shipment',
    label: text('Shipment detail', 'Detalle del envío', 'Dettaglio della spedizione', "Détail de l'envoi", 'Sendungsdetail'),
    options: () => SUBSTATUSES,
    optionLabel: (value, locale) => substatusLabel(value as (typeof SUBSTATUSES)[number], locale),
    read: (facts) => facts.shipment.substatus,
  }),
  enumFact({
    id: 'shipment.carrier',
    subject: 'shipment',
    label: text('Carrier', 'Transportista', 'Corriere', 'Transporteur', 'Versanddienstleister'),
    widget: 'carrier_picker',
    options: () => listCarriers().map((carrier) => carrier.slug),
    optionLabel: (value) => getCarrier(value)?.name ?? value,
    open: SLUG,
    read: (facts) => facts.shipment.carrier,
  }),
  enumFact({
    id: 'shipment.destination_country',
    subject: 'shipment',
    label: text('Destination country', 'País de destino', 'Paese di destinazione', 'Pays de destination', 'Zielland'),
    widget: 'country_picker',
    options: () => COUNTRY_CODES,
    optionLabel: (value, locale) => countryName(value, locale),
    read: (facts) => facts.shipment.destinationCountry?.toUpperCase() ?? null,
  }),
  {
    id: 'shipment.destination_postal_code',
    type: 'text',
    subject: 'shipment',
    label: text('Destination postal code', 'Código postal de destino', 'CAP di destinazione', 'Code postal de destination', 'Ziel-Postleitzahl'),
    read: (facts) => facts.shipment.destinationPostalCode,
  },
  {
    id: 'shipment.promised_date',
    type: 'date',
    subject: 'shipment',
    label: text('Promised delivery date', 'Fecha de entrega prometida', 'Data di consegna promessa', 'Date de livraison promise', 'Zugesagtes Lieferdatum'),
    read: (facts) => facts.shipment.promisedDeliveryDate,
  },
  {
    id: 'shipment.tags',
    type: 'tags',
    subject: 'shipment',
    label: text('Shipment tags', 'Etiquetas del envío', 'Tag della spedizione', "Étiquettes de l'envoi", 'Sendungs-Tags'),
    read: (facts) => lowerAll(facts.shipment.tags),
  },
  {
    id: 'order.total',
    type: 'money',
    subject: 'order',
    label: text('Order total', 'Total del pedido', "Totale dell'ordine", 'Total de la commande', 'Bestellsumme'),
    read: (facts) => (facts.order ? { minor: facts.order.totalMinor, currency: facts.order.currency } : null),
  },
  {
    id: 'order.subtotal',
    type: 'money',
    subject: 'order',
    label: text('Order subtotal', 'Subtotal del pedido', "Subtotale dell'ordine", 'Sous-total de la commande', 'Zwischensumme der Bestellung'),
    read: (facts) => (facts.order ? { minor: facts.order.subtotalMinor, currency: facts.order.currency } : null),
  },
  enumFact({
    id: 'order.currency',
    subject: 'order',
    label: text('Order currency', 'Moneda del pedido', "Valuta dell'ordine", 'Devise de la commande', 'Bestellwährung'),
    options: knownCurrencies,
    optionLabel: (value, locale) => displayName('currency', value, locale),
    read: (facts) => facts.order?.currency ?? null,
  }),
  {
    id: 'order.item_count',
    type: 'number',
    subject: 'order',
    label: text('Number of items', 'Número de artículos', 'Numero di articoli', "Nombre d'articles", 'Anzahl der Artikel'),
    read: (facts) => facts.order?.itemCount ?? null,
  },
  {
    id: 'order.discount_codes',
    type: 'tags',
    subject: 'order',
    label: text('Discount codes', 'Códigos de descuento', 'Codici sconto', 'Codes de réduction', 'Rabattcodes'),
    read: (facts) => (facts.order ? lowerAll(facts.order.discountCodes) : null),
  },
  {
    id: 'order.product_tags',
    type: 'tags',
    subject: 'order',
    label: text('Product tags', 'Etiquetas de producto', 'Tag dei prodotti', 'Étiquettes de produit', 'Produkt-Tags'),
    read: (facts) => (facts.order ? lowerAll(facts.order.productTags) : null),
  },
  {
    id: 'customer.tags',
    type: 'tags',
    subject: 'customer',
    label: text('Customer tags', 'Etiquetas del cliente', 'Tag del cliente', 'Étiquettes du client', 'Kunden-Tags'),
    read: (facts) => (facts.customer ? lowerAll(facts.customer.tags) : null),
  },
  enumFact({
    id: 'customer.language',
    subject: 'customer',
    label: text('Customer language', 'Idioma del cliente', 'Lingua del cliente', 'Langue du client', 'Sprache des Kunden'),
    options: () => LOCALES,
    optionLabel: (value, locale) => displayName('language', value, locale),
    open: LANGUAGE,
    // The customer's own setting first; the shipment's (from the shop's checkout) when there is none.
    read: (facts) => languageOf(facts.customer?.locale) ?? languageOf(facts.shipment.customerLocale),
  }),
  enumFact({
    id: 'customer.country',
    subject: 'customer',
    label: text('Customer country', 'País del cliente', 'Paese del cliente', 'Pays du client', 'Land des Kunden'),
    widget: 'country_picker',
    options: () => COUNTRY_CODES,
    optionLabel: (value, locale) => countryName(value, locale),
    read: (facts) => facts.customer?.country?.toUpperCase() ?? null,
  }),
  enumFact({
    id: 'customer.marketing_consent',
    subject: 'customer',
    label: text('Marketing consent', 'Consentimiento de marketing', 'Consenso al marketing', 'Consentement marketing', 'Marketing-Einwilligung'),
    options: () => CONSENT_STATES,
    optionLabel: (value, locale) => CONSENT_LABELS[value as ConsentState]?.[locale] ?? value,
    read: (facts) => facts.customer?.marketingConsent ?? null,
  }),
  {
    id: 'customer.accepts_marketing',
    type: 'boolean',
    subject: 'customer',
    label: text('Accepts marketing', 'Acepta marketing', 'Accetta il marketing', 'Accepte le marketing', 'Akzeptiert Marketing'),
    read: (facts) => (facts.customer ? facts.customer.marketingConsent === 'granted' : null),
  },
] as const satisfies readonly FactDefinition[];

export type FactId = (typeof FACTS)[number]['id'];

const FACTS_BY_ID = new Map<string, FactDefinition>(FACTS.map((fact) => [fact.id, fact]));

export function getFact(id: string): FactDefinition | undefined {
  return FACTS_BY_ID.get(id);
}

/**
 * What the facts need loaded, so a loader reads an order or customer only when some rule asks for one. A date
 * is compared with the recipient's today, whose zone comes from the customer, else the shop.
 */
export function subjectsOf(factIds: Iterable<string>): Set<FactSubject> {
  const subjects = new Set<FactSubject>();
  for (const id of factIds) {
    const fact = getFact(id);
    if (fact) subjects.add(fact.subject);
    if (fact?.type === 'date') subjects.add('customer').add('shop');
  }
  return subjects;
}
