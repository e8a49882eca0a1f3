import { type StarterFlow, starterDocument } from './starter-flow';

export const exceptionApologyStarter: StarterFlow = {
  id: 'exception_apology',
  name: {
    en: 'Exception: alert the team and apologize',
    es: 'Incidencia: avisar al equipo y disculparse',
    it: 'Eccezione: avvisa il team e scusati',
    fr: 'Incident : alerter l’équipe et s’excuser',
    de: 'Problem: Team benachrichtigen und entschuldigen',
  },
  description: {
    en: 'When a parcel runs into a problem, opens an alert for your team and sends the customer an apology.',
    es: 'Cuando un paquete tiene una incidencia, abre un aviso para tu equipo y envía una disculpa al cliente.',
    it: 'Quando un pacco ha un problema, apre un avviso per il tuo team e invia le scuse al cliente.',
    fr: 'Quand un colis rencontre un problème, ouvre une alerte pour votre équipe et envoie des excuses au client.',
    de: 'Hat ein Paket ein Problem, wird ein Alarm für Ihr Team geöffnet und dem Kunden eine Entschuldigung gesendet.',
  },
  document: starterDocument(
    [
      { id: 'exception', type: 'shipment_exception', column: 0, row: 0 },
      {
        id: 'alert',
        type: 'alert_team',
        config: { title: 'Parcel exception', note: 'Check the shipment and contact the customer.', language: 'en' },
        column: 0,
        row: 1,
      },
      { id: 'apology_email', type: 'send_email', column: 0, row: 2 },
    ],
    [
      ['exception', 'next', 'alert'],
      ['alert', 'next', 'apology_email'],
    ],
  ),
};
