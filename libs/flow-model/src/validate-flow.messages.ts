import type { LocalizedMessage } from './localized-messages';
import type { LocalizedText } from './node-type';

/** validateFlow's own texts; nodes are named by `describeNode`, e.g. `"Send email" (n2)`. */
export const VALIDATE_FLOW_MESSAGES = {
  duplicateId: {
    en: ({ id }) => `Another step already uses the id "${id}".`,
    es: ({ id }) => `Otro paso ya usa el id "${id}".`,
    it: ({ id }) => `Un altro passaggio usa già l'id "${id}".`,
    fr: ({ id }) => `Une autre étape utilise déjà l'identifiant "${id}".`,
    de: ({ id }) => `Ein anderer Schritt verwendet bereits die ID "${id}".`,
  } satisfies LocalizedMessage<{ id: string }>,
  unknownType: {
    en: ({ type }) => `"${type}" is not a known kind of step.`,
    es: ({ type }) => `"${type}" no es un tipo de paso conocido.`,
    it: ({ type }) => `"${type}" non è un tipo di passaggio conosciuto.`,
    fr: ({ type }) => `"${type}" n'est pas un type d'étape connu.`,
    de: ({ type }) => `"${type}" ist keine bekannte Art von Schritt.`,
  } satisfies LocalizedMessage<{ type: string }>,
  noTrigger: {
    en: 'The flow has no trigger: add one to say when the flow starts.',
    es: 'El flujo no tiene disparador: añade uno para indicar cuándo empieza el flujo.',
    it: 'Il flusso non ha un trigger: aggiungine uno per indicare quando inizia il flusso.',
    fr: "Le flux n'a pas de déclencheur : ajoutez-en un pour indiquer quand le flux démarre.",
    de: 'Der Ablauf hat keinen Auslöser: Fügen Sie einen hinzu, um festzulegen, wann der Ablauf startet.',
  } satisfies LocalizedText,
  missingSource: {
    en: ({ id }) => `This connection starts from a missing step ("${id}").`,
    es: ({ id }) => `Esta conexión sale de un paso que no existe ("${id}").`,
    it: ({ id }) => `Questo collegamento parte da un passaggio che non esiste ("${id}").`,
    fr: ({ id }) => `Cette connexion part d'une étape qui n'existe pas ("${id}").`,
    de: ({ id }) => `Diese Verbindung beginnt bei einem Schritt, den es nicht gibt ("${id}").`,
  } satisfies LocalizedMessage<{ id: string }>,
  missingTarget: {
    en: ({ id }) => `This connection leads to a missing step ("${id}").`,
    es: ({ id }) => `Esta conexión lleva a un paso que no existe ("${id}").`,
    it: ({ id }) => `Questo collegamento porta a un passaggio che non esiste ("${id}").`,
    fr: ({ id }) => `Cette connexion mène à une étape qui n'existe pas ("${id}").`,
    de: ({ id }) => `Diese Verbindung führt zu einem Schritt, den es nicht gibt ("${id}").`,
  } satisfies LocalizedMessage<{ id: string }>,
  noSuchExit: {
    en: ({ node, port, ports }) => `${node} has no exit "${port}" (its exits: ${ports || 'none'}).`,
    es: ({ node, port, ports }) => `${node} no tiene la salida "${port}" (sus salidas: ${ports || 'ninguna'}).`,
    it: ({ node, port, ports }) => `${node} non ha l'uscita "${port}" (le sue uscite: ${ports || 'nessuna'}).`,
    fr: ({ node, port, ports }) => `${node} n'a pas de sortie "${port}" (ses sorties : ${ports || 'aucune'}).`,
    de: ({ node, port, ports }) => `${node} hat keinen Ausgang "${port}" (seine Ausgänge: ${ports || 'keine'}).`,
  } satisfies LocalizedMessage<{ node: string; port: string; ports: string }>,
  intoTrigger: {
    en: ({ node }) => `${node} is a trigger: it starts the flow, so nothing can lead into it.`,
    es: ({ node }) => `${node} es un disparador: inicia el flujo, así que nada puede llevar a él.`,
    it: ({ node }) => `${node} è un trigger: avvia il flusso, quindi nulla può portare a esso.`,
    fr: ({ node }) => `${node} est un déclencheur : il démarre le flux, rien ne peut donc y mener.`,
    de: ({ node }) => `${node} ist ein Auslöser: Er startet den Ablauf, daher kann nichts zu ihm führen.`,
  } satisfies LocalizedMessage<{ node: string }>,
  mixedSubjects: {
    en: ({ node, other }) => `${node} and ${other} start different kinds of runs (one about a shipment, one about an order): the triggers of a flow must start the same kind.`,
    es: ({ node, other }) => `${node} y ${other} inician ejecuciones de distinto tipo (una sobre un envío, otra sobre un pedido): los disparadores de un flujo deben iniciar el mismo tipo.`,
    it: ({ node, other }) => `${node} e ${other} avviano esecuzioni di tipo diverso (una su una spedizione, una su un ordine): i trigger di un flusso devono avviare lo stesso tipo.`,
    fr: ({ node, other }) => `${node} et ${other} démarrent des exécutions de types différents (l'une sur un envoi, l'autre sur une commande) : les déclencheurs d'un flux doivent démarrer le même type.`,
    de: ({ node, other }) => `${node} und ${other} starten verschiedene Arten von Durchläufen (einer zu einer Sendung, einer zu einer Bestellung): Die Auslöser eines Ablaufs müssen dieselbe Art starten.`,
  } satisfies LocalizedMessage<{ node: string; other: string }>,
  needsShipment: {
    en: ({ node }) => `${node} needs a shipment, but this flow starts with an order, which may have none yet: remove the step or start the flow with a shipment trigger.`,
    es: ({ node }) => `${node} necesita un envío, pero este flujo empieza con un pedido, que quizá aún no tenga ninguno: quita el paso o inicia el flujo con un disparador de envíos.`,
    it: ({ node }) => `${node} richiede una spedizione, ma questo flusso inizia con un ordine, che potrebbe non averne ancora: rimuovi il passaggio o avvia il flusso con un trigger di spedizione.`,
    fr: ({ node }) => `${node} a besoin d'un envoi, mais ce flux démarre avec une commande, qui n'en a peut-être pas encore : retirez l'étape ou démarrez le flux avec un déclencheur d'envoi.`,
    de: ({ node }) => `${node} braucht eine Sendung, dieser Ablauf beginnt aber mit einer Bestellung, die vielleicht noch keine hat: Entfernen Sie den Schritt oder starten Sie den Ablauf mit einem Sendungs-Auslöser.`,
  } satisfies LocalizedMessage<{ node: string }>,
  duplicateEdge: {
    en: 'This connection is drawn twice.',
    es: 'Esta conexión está dibujada dos veces.',
    it: 'Questo collegamento è disegnato due volte.',
    fr: 'Cette connexion est dessinée deux fois.',
    de: 'Diese Verbindung ist doppelt gezeichnet.',
  } satisfies LocalizedText,
  loop: {
    en: ({ loop }) => `These steps form a loop: ${loop}. A flow must always move forward.`,
    es: ({ loop }) => `Estos pasos forman un bucle: ${loop}. Un flujo siempre debe avanzar.`,
    it: ({ loop }) => `Questi passaggi formano un ciclo: ${loop}. Un flusso deve sempre andare avanti.`,
    fr: ({ loop }) => `Ces étapes forment une boucle : ${loop}. Un flux doit toujours avancer.`,
    de: ({ loop }) => `Diese Schritte bilden eine Schleife: ${loop}. Ein Ablauf muss immer vorwärts gehen.`,
  } satisfies LocalizedMessage<{ loop: string }>,
};
