import type { Locale, Status, Substatus } from '@postino/status';

/**
 * Status from the free text of a carrier event, for codes no table knows.
 * Patterns are written for text that is lower-cased and stripped of accents ("Zugestellt" → "zugestellt",
 * "livré" → "livre"), so they contain only lower-case ASCII.
 */
export interface KeywordRule {
  status: Status;
  substatus?: Substatus;
  patterns: Record<Locale, readonly RegExp[]>;
}

export interface KeywordMatch {
  status: Status;
  substatus: Substatus | null;
}

/**
 * Order matters: the first matching rule wins. Negations and problems come before the plain words they
 * contain ("not delivered" before "delivered", "out for delivery" and "will be delivered" before
 * "delivered"), specific substatuses before their generic status, and pre-pickup wording before
 * "picked up" ("en attente de prise en charge" before "pris en charge").
 */
export const KEYWORD_RULES: readonly KeywordRule[] = [
  {
    status: 'returned',
    substatus: 'returning_to_sender',
    patterns: {
      en: [/\breturn(ed|ing)? to (the )?(sender|shipper|origin)\b/, /\bbeing returned\b/],
      es: [/\bdevuelt[oa] al? (remitente|origen)\b/, /\bdevolucion al? (remitente|origen)\b/, /\ben devolucion\b/],
      it: [/\b(restituit[oa]|res[oa]|rispedit[oa]) al mittente\b/, /\bin restituzione\b/],
      fr: [/\bretour(ne|nee)? (a|vers) l'expediteur\b/, /\bretour expediteur\b/],
      de: [/\bzuruck an (den )?absender\b/, /\ban (den )?absender zuruck/, /\brucksendung an (den )?absender\b/],
    },
  },
  {
    status: 'failed_attempt',
    substatus: 'recipient_unavailable',
    patterns: {
      en: [
        /\b(recipient|customer|consignee|addressee) (was )?(not (available|home|present|in)|unavailable|absent)\b/,
        /\bnot home\b/,
        /\bno ?one (was )?(home|available)\b/,
      ],
      es: [/\bausente\b/, /\bdestinatario no (disponible|localizado)\b/],
      it: [/\bassente\b/, /\bdestinatario non (disponibile|reperibile)\b/],
      fr: [/\bdestinataire (absent|indisponible)\b/],
      de: [/\bnicht angetroffen\b/, /\bempfanger nicht (anwesend|erreichbar)\b/],
    },
  },
  {
    status: 'failed_attempt',
    substatus: 'business_closed',
    patterns: {
      en: [/\bbusiness (was )?closed\b/, /\bclosed on arrival\b/],
      es: [/\b(establecimiento|negocio|comercio|local) cerrado\b/],
      it: [/\b(esercizio|negozio|azienda|ditta) chius[oa]\b/],
      fr: [/\b(etablissement|commerce|magasin|entreprise) ferme\b/],
      de: [/\b(geschaft|firma|betrieb) (war )?geschlossen\b/],
    },
  },
  {
    status: 'failed_attempt',
    patterns: {
      en: [
        /\b(not |un)delivered\b/,
        /\b(could|can) ?not be delivered\b/,
        /\bunable to deliver\b/,
        /\bdelivery attempt(ed)?\b/,
        /\battempted delivery\b/,
        /\b(unsuccessful|failed|missed) delivery\b/,
        /\bnotice left\b/,
      ],
      es: [/\bno (ha podido ser |pudo ser |se pudo )?entregad[oa]\b/, /\bintento de entrega\b/, /\bentrega fallida\b/],
      it: [/\bmancata consegna\b/, /\btentata consegna\b/, /\btentativo di consegna\b/, /\bnon (e stat[oa] )?consegnat[oa]\b/],
      fr: [/\bnon livre(e)?\b/, /\btentative de livraison\b/, /\bavis de passage\b/, /\bn'a pas pu etre livre(e)?\b/],
      de: [/\bnicht zugestellt\b/, /\bzustellversuch\b/, /\bzustellung nicht moglich\b/],
    },
  },
  {
    status: 'exception',
    substatus: 'customs_hold',
    patterns: {
      en: [/\b(held|hold|delayed|detained) (by|in|at) customs\b/, /\bcustoms (hold|delay|inspection)\b/, /\bclearance delay\b/],
      es: [/\bretenid[oa] en (la )?aduana\b/, /\bretencion aduanera\b/],
      it: [/\b(ferm[oa]|trattenut[oa]) in dogana\b/],
      fr: [/\b(retenu|bloque)(e)? en douane\b/],
      de: [/\b(vom|beim) zoll (zuruckgehalten|festgehalten)\b/],
    },
  },
  {
    status: 'exception',
    substatus: 'payment_required',
    patterns: {
      en: [/\b(duties|duty|taxes|charges) (are )?(due|unpaid|owed)\b/, /\bawaiting payment\b/, /\bpayment (required|pending)\b/],
      es: [/\bpendiente de pago\b/],
      it: [/\bin attesa di pagamento\b/],
      fr: [/\ben attente de paiement\b/, /\bdroits (de douane )?a payer\b/],
      de: [/\b(zahlung|bezahlung) ausstehend\b/, /\bwartet auf (zahlung|bezahlung)\b/],
    },
  },
  {
    status: 'exception',
    substatus: 'address_issue',
    patterns: {
      en: [
        /\b(incorrect|wrong|bad|incomplete|insufficient|invalid|unknown) address\b/,
        /\baddress (is )?(incorrect|incomplete|unknown|insufficient|problem|issue)\b/,
        /\bundeliverable as addressed\b/,
        /\bno such (number|street|address)\b/,
      ],
      es: [/\bdireccion (incorrecta|incompleta|erronea|desconocida)\b/, /\bdestinatario desconocido\b/],
      it: [/\bindirizzo (errato|incompleto|sbagliato|inesatto|insufficiente)\b/, /\bdestinatario sconosciuto\b/],
      fr: [/\badresse (incorrecte|incomplete|erronee|inconnue|insuffisante)\b/, /\bdestinataire inconnu\b/],
      de: [
        /\b(adresse|anschrift) (ist )?(falsch|unvollstandig|fehlerhaft|unbekannt)\b/,
        /\b(falsche|unvollstandige|fehlerhafte) (adresse|anschrift)\b/,
        /\bempfanger unbekannt\b/,
      ],
    },
  },
  {
    status: 'exception',
    substatus: 'damaged',
    patterns: {
      en: [/\bdamaged?\b/],
      es: [/\b(danad[oa]|deteriorad[oa])\b/],
      it: [/\bdanneggiat[oa]\b/],
      fr: [/\b(endommage|abime)(e)?\b/],
      de: [/\bbeschadigt\b/],
    },
  },
  {
    status: 'exception',
    substatus: 'lost',
    patterns: {
      en: [/\blost\b/, /\b(parcel|package|shipment|item) (is )?missing\b/],
      es: [/\b(extraviad[oa]|perdid[oa])\b/],
      it: [/\bsmarrit[oa]\b/],
      fr: [/\b(perdu|egare)(e)?\b/],
      de: [/\b(verloren|verschollen)\b/],
    },
  },
  {
    status: 'exception',
    substatus: 'refused',
    patterns: {
      en: [/\brefused\b/, /\brejected by (the )?(recipient|consignee|addressee)\b/],
      es: [/\b(rechazad[oa]|rehusad[oa])\b/],
      it: [/\brifiutat[oa]\b/],
      fr: [/\brefuse(e)?\b/],
      de: [/\bverweigert\b/, /\bannahmeverweigerung\b/],
    },
  },
  {
    status: 'exception',
    substatus: 'held_at_depot',
    patterns: {
      en: [/\bon hold\b/, /\bheld at (the )?(depot|facility|station|terminal)\b/],
      es: [/\bretenid[oa] en (la )?(delegacion|oficina|almacen)\b/],
      it: [/\bin giacenza\b/],
      fr: [/\bretenu(e)? (au|en) (depot|agence)\b/],
      de: [/\bim depot (zuruckgehalten|festgehalten)\b/, /\bliegt im depot\b/],
    },
  },
  {
    status: 'exception',
    substatus: 'cancelled',
    patterns: {
      en: [/\b(shipment|order|label|consignment) (has been |was )?cancell?ed\b/],
      es: [/\benvio (anulado|cancelado)\b/],
      it: [/\bspedizione annullata\b/],
      fr: [/\b(envoi|expedition) annule(e)?\b/],
      de: [/\bsendung (storniert|annulliert)\b/],
    },
  },
  {
    status: 'exception',
    patterns: {
      en: [/\bexception\b/, /\bundeliverable\b/],
      es: [/\bincidencia\b/],
      it: [/\banomalia\b/],
      fr: [/\bincident\b/, /\banomalie\b/],
      de: [/\bunzustellbar\b/, /\bnicht zustellbar\b/],
    },
  },
  {
    status: 'out_for_delivery',
    patterns: {
      en: [
        /\bout for delivery\b/,
        /\bwith (the )?(delivery )?courier\b/,
        /\bon (fedex )?vehicle for delivery\b/,
        /\bloaded (on|onto) (the )?delivery vehicle\b/,
      ],
      es: [/\ben reparto\b/, /\bsalida a reparto\b/, /\ben ruta de entrega\b/],
      it: [/\bin consegna\b/, /\bin distribuzione\b/],
      fr: [/\ben cours de livraison\b/, /\ben livraison\b/, /\bpris en charge par (le|votre) livreur\b/],
      de: [/\bin (der )?zustellung\b/, /\bim zustellfahrzeug\b/, /\bwird heute zugestellt\b/],
    },
  },
  {
    status: 'in_transit',
    patterns: {
      en: [/\b(will|to|expected to|scheduled to) be delivered\b/, /\b(expected|estimated|scheduled) delivery\b/],
      es: [/\bsera entregad[oa]\b/, /\bse entregara\b/, /\bentrega (prevista|estimada)\b/],
      it: [/\b(sara|verra) consegnat[oa]\b/, /\bconsegna (prevista|stimata)\b/],
      fr: [/\bsera livre(e)?\b/, /\blivraison (prevue|estimee)\b/],
      de: [/\bwird\b.*\bzugestellt\b/, /\bvoraussichtlich\b/],
    },
  },
  {
    status: 'delivered',
    substatus: 'collected_by_recipient',
    patterns: {
      en: [/\b(picked up|collected) by (the )?(recipient|customer|addressee|consignee|agent)\b/, /\bpicked up at (the )?post office\b/],
      es: [/\brecogid[oa] por (el )?destinatario\b/],
      it: [/\britirat[oa] dal destinatario\b/],
      fr: [/\bretire(e)? par (le )?destinataire\b/],
      de: [/\bvom empfanger abgeholt\b/],
    },
  },
  {
    status: 'delivered',
    substatus: 'delivered_to_neighbour',
    patterns: {
      en: [/\b(delivered to|left with) (a |the |your )?neighbou?r\b/],
      es: [/\bentregad[oa] (a|al) (un )?vecino\b/],
      it: [/\bconsegnat[oa] (a|al) (un )?vicino\b/],
      fr: [/\blivre(e)? (chez|a) (un|le|votre) voisin\b/],
      de: [/\bbeim nachbarn\b/, /\ban (den |einen )?nachbarn\b/],
    },
  },
  {
    status: 'available_for_pickup',
    substatus: 'delivered_to_pickup_point',
    patterns: {
      en: [
        /\b(delivered to|left at|arrived at|arrival at) (a |the )?(pick ?up|collection|service|access) point\b/,
        /\b(delivered to|left at|arrived at) (a |the )?(parcel ?shop|parcel ?locker|locker)\b/,
      ],
      es: [/\b(depositad[oa]|entregad[oa]) en (un |el )?(punto de recogida|punto pack|oficina de correos|taquilla)\b/],
      it: [/\b(depositat[oa]|consegnat[oa]) (presso|in|al) (un |il )?(punto di ritiro|punto ritiro|locker|fermopoint)\b/],
      fr: [/\b(depose|livre)(e)? (en|dans (un|le|votre)) (point relais|relais|consigne|point retrait)\b/],
      de: [/\bin (die|der|eine|einer) (packstation|postfiliale|filiale|paketshop|abholstelle)\b.*\b(geliefert|zugestellt|gebracht)\b/],
    },
  },
  {
    status: 'available_for_pickup',
    patterns: {
      en: [
        /\b(ready|available) for (pick ?up|collection)\b/,
        /\bawaiting collection\b/,
        /\bhold at location\b/,
        /\bheld for pick ?up\b/,
      ],
      es: [/\b(disponible|list[oa]) para (recoger|recogida|retirar)\b/],
      it: [/\b(pront[oa]|disponibile) per il ritiro\b/],
      fr: [/\bdisponible (en|au|pour) (point relais|bureau de poste|retrait)\b/, /\bpret a etre retire\b/],
      de: [/\bzur abholung bereit\b/, /\babholbereit\b/, /\bliegt zur abholung\b/, /\bkann abgeholt werden\b/],
    },
  },
  {
    status: 'delivered',
    substatus: 'delivered_to_safe_place',
    patterns: {
      en: [
        /\b(left|delivered) (at|in|to) (a |the )?(safe place|front door|porch|mailbox|mail ?room|reception|garage)\b/,
        /\bin\/at mailbox\b/,
        /\bfront door\/porch\b/,
      ],
      es: [/\b(dejad[oa]|depositad[oa]) en (un )?lugar seguro\b/, /\bentregad[oa] en (el )?buzon\b/],
      it: [/\blasciat[oa] in (un )?luogo sicuro\b/, /\bconsegnat[oa] nella cassetta (delle lettere|postale)\b/],
      fr: [/\bdepose(e)? en lieu sur\b/, /\blivre(e)? dans (la|votre) boite aux lettres\b/],
      de: [/\bablageort\b/, /\bin den briefkasten\b/],
    },
  },
  {
    status: 'delivered',
    substatus: 'signed_for',
    patterns: {
      en: [/\bsigned (for|by)\b/],
      es: [/\bfirmad[oa] por\b/],
      it: [/\bfirmat[oa] da\b/],
      fr: [/\bsigne(e)? par\b/],
      de: [/\bunterschrieben\b/],
    },
  },
  {
    status: 'delivered',
    patterns: {
      en: [/\bdelivered\b/],
      es: [/\bentregad[oa]\b/],
      it: [/\bconsegnat[oa]\b/],
      fr: [/\blivre(e)?\b/],
      de: [/\b(zugestellt|ausgeliefert)\b/],
    },
  },
  {
    status: 'in_transit',
    substatus: 'customs_cleared',
    patterns: {
      en: [
        /\bcleared customs\b/,
        /\bcustoms (clearance )?(complete|completed|cleared)\b/,
        /\bclearance (processing )?complete\b/,
        /\breleased by customs\b/,
      ],
      es: [/\bdespachad[oa] (en|de) aduana\b/, /\b(despacho|proceso) de aduanas? (completado|finalizado)\b/],
      it: [/\bsdoganat[oa]\b/, /\bsdoganamento (completato|concluso)\b/],
      fr: [/\bdedouane(e)?\b/, /\bdedouanement (termine|effectue)\b/],
      de: [/\bverzollt\b/, /\b(verzollung|zollabfertigung) abgeschlossen\b/],
    },
  },
  {
    status: 'in_transit',
    substatus: 'customs_processing',
    patterns: {
      en: [/\bcustoms\b/, /\bclearance\b/],
      es: [/\baduanas?\b/],
      it: [/\bdogana\b/, /\bsdoganamento\b/],
      fr: [/\bdouane\b/, /\bdedouanement\b/],
      de: [/\bzoll\b/, /\bverzollung\b/, /\bzollabfertigung\b/],
    },
  },
  {
    status: 'in_transit',
    substatus: 'weather_delay',
    patterns: {
      en: [/\bweather\b/],
      es: [/\bmal tiempo\b/, /\bcondiciones meteorologicas\b/, /\btemporal\b/],
      it: [/\bmaltempo\b/, /\bcondizioni meteo(rologiche)?\b/],
      fr: [/\bintemperies\b/, /\bconditions meteo(rologiques)?\b/],
      de: [/\b(unwetter|wetter|witterung)/],
    },
  },
  {
    status: 'in_transit',
    substatus: 'delayed',
    patterns: {
      en: [/\bdelay(ed|s)?\b/, /\brescheduled\b/, /\barriving late\b/],
      es: [/\bretras(o|ad[oa])\b/],
      it: [/\britard(o|at[oa])\b/],
      fr: [/\bretard(e|ee)?\b/],
      de: [/\bverzog(ert|erung)\b/, /\bverspat(et|ung)\b/],
    },
  },
  {
    status: 'in_transit',
    substatus: 'misrouted',
    patterns: {
      en: [/\bmis-?(sort(ed)?|routed|sent|shipped)\b/, /\bmissent\b/],
      es: [/\bmal encaminad[oa]\b/, /\berror de encaminamiento\b/],
      it: [/\b(erroneamente|mal) instradat[oa]\b/],
      fr: [/\bmal achemine(e)?\b/],
      de: [/\b(fehlgeleitet|fehlsortiert)\b/],
    },
  },
  {
    status: 'info_received',
    substatus: 'label_created',
    patterns: {
      en: [
        /\blabel (has been )?(created|printed)\b/,
        /\b(shipment|order|electronic|shipping) (information|info|data) (received|sent|transmitted)\b/,
        /\binformation received\b/,
        /\bpre-?shipment\b/,
        /\bawaiting item\b/,
        /\border created\b/,
      ],
      es: [/\betiqueta (creada|generada|impresa)\b/, /\binformacion (del envio )?recibida\b/, /\bpendiente de (recogida|admision)\b/],
      it: [/\betichetta (creata|generata|stampata)\b/, /\bdati (della spedizione )?(ricevuti|trasmessi)\b/, /\bin attesa di (ritiro|presa in carico) (da parte del|dal) corriere\b/],
      fr: [/\betiquette (creee|imprimee|generee)\b/, /\binformations? (d'expedition )?recues?\b/, /\ben attente de prise en charge\b/],
      de: [/\b(sendungs|auftrags)daten\b/, /\belektronisch (angekundigt|ubermittelt)\b/, /\bversandetikett\b/],
    },
  },
  {
    status: 'in_transit',
    substatus: 'picked_up',
    patterns: {
      en: [
        /\bpicked up\b/,
        /\bpick ?up scan\b/,
        /\bshipment (accepted|acceptance)\b/,
        /\baccepted (at|by) (the )?(usps|carrier|origin|post office|fedex|dhl)\b/,
        /\bdropped off\b/,
        /\bin possession of (the )?item\b/,
      ],
      es: [/\b(recogid[oa]|admitid[oa])\b/],
      it: [/\britirat[oa]\b/, /\bpres[oa] in carico\b/, /\baccettat[oa]\b/],
      fr: [/\bpris(e)? en charge\b/, /\bcollecte(e)?\b/],
      de: [/\b(abgeholt|eingeliefert|ubernommen)\b/],
    },
  },
  {
    status: 'in_transit',
    substatus: 'arrived_at_facility',
    patterns: {
      en: [/\barriv(ed|al) (at|in)\b/, /\barrival scan\b/],
      es: [/\bllegad[oa] (a|al|en)\b/, /\bllegada (a|al|en)\b/],
      it: [/\barrivat[oa] (a|al|presso|nel|in)\b/],
      fr: [/\barrive(e)? (a|au|dans|sur)\b/, /\barrivee (a|au|sur)\b/],
      de: [/\b(eingetroffen|angekommen)\b/],
    },
  },
  {
    status: 'in_transit',
    substatus: 'departed_facility',
    patterns: {
      en: [/\bdepart(ed|ure)\b/, /\bleft (the |fedex |usps |dhl )?(origin )?(facility|hub|sort)/],
      es: [/\bsalida (de|del)\b/, /\bha salido\b/],
      it: [/\bpartit[oa] da\b/, /\bin partenza\b/],
      fr: [/\bparti(e)? (de|du)\b/, /\bdepart (de|du)\b/],
      de: [/\bverlassen\b/],
    },
  },
  {
    status: 'in_transit',
    patterns: {
      en: [/\bin transit\b/, /\bprocess(ed|ing)\b/, /\bon (its|the) way\b/, /\bforwarded\b/, /\btransferred\b/, /\ben route\b/, /\bsort(ed|ing)\b/],
      es: [/\ben (transito|camino|ruta)\b/, /\bprocesad[oa]\b/, /\bclasificad[oa]\b/],
      it: [/\bin transito\b/, /\bin viaggio\b/, /\bin lavorazione\b/, /\b(lavorat|smistat)[oa]\b/],
      fr: [/\ben transit\b/, /\ben cours d'acheminement\b/, /\bachemine(e)?\b/, /\btraite(e)?\b/, /\btrie(e)?\b/],
      de: [/\bunterwegs\b/, /\bim transit\b/, /\bbearbeitet\b/, /\bsortiert\b/, /\bweitergeleitet\b/],
    },
  },
];

/** Lower-cases and strips accents so one ASCII pattern matches "Livré", "livre" and "LIVRÉ". */
export function normalizeEventText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The status the first matching rule gives a carrier's event text, or `null` when nothing matches. */
export function matchKeywordRules(description: string | null | undefined): KeywordMatch | null {
  const text = normalizeEventText(description ?? '');
  if (text === '') return null;
  const rule = KEYWORD_RULES.find((candidate) =>
    Object.values(candidate.patterns).some((patterns) => patterns.some((pattern) => pattern.test(text))),
  );
  return rule ? { status: rule.status, substatus: rule.substatus ?? null } : null;
}
