import { describe, expect, it } from 'vitest';
import { configIssues } from '../../config-issues';
import { runFacts } from '../../facts/run-facts.fixture';
import { switchNodeType, switchPort } from './switch';

const { configSchema, ports, summary } = switchNodeType;

const byCarrier = configSchema.parse({
  by: 'shipment.carrier',
  cases: [
    { id: 'dhl', values: ['dhl-express'] },
    { id: 'us', values: ['fedex', 'usps'], label: 'US carriers' },
  ],
});

describe('switch node type', () => {
  it('has an exit per case plus "default", named by the case’s values or label', () => {
    expect(ports(byCarrier).map((port) => [port.id, port.label.en])).toEqual([
      ['dhl', 'DHL Express'],
      ['us', 'US carriers'],
      ['default', 'Other'],
    ]);
    expect(ports(configSchema.parse({ by: 'shipment.destination_country', cases: [{ id: 'de', values: ['DE', 'AT'] }] }))[0].label.es).toBe(
      'Alemania o Austria',
    );
  });

  it('leaves by the case listing the shipment’s value, else by "default"', () => {
    expect(switchPort(byCarrier, runFacts({ shipment: { carrier: 'usps' } }))).toBe('us');
    expect(switchPort(byCarrier, runFacts({ shipment: { carrier: 'dhl-express' } }))).toBe('dhl');
    expect(switchPort(byCarrier, runFacts({ shipment: { carrier: 'brt' } }))).toBe('default');
    const byCountry = configSchema.parse({ by: 'shipment.destination_country', cases: [{ id: 'es', values: ['ES'] }] });
    expect(switchPort(byCountry, runFacts({ shipment: { destinationCountry: 'es' } }))).toBe('es');
    expect(switchPort(byCountry, runFacts({ shipment: { destinationCountry: null } }))).toBe('default');
    const byStatus = configSchema.parse({ by: 'shipment.status', cases: [{ id: 'late', values: ['exception', 'failed_attempt'] }] });
    expect(switchPort(byStatus, runFacts({ shipment: { status: 'failed_attempt' } }))).toBe('late');
  });

  it.each([
    [{ by: 'order.total', cases: [{ id: 'a', values: ['x'] }] }, ['by'], 'Choose what to branch on: status, carrier or destination country.'],
    [{ by: 'shipment.status', cases: [] }, ['cases'], 'Add one to 20 cases.'],
    [{ by: 'shipment.status', cases: [{ id: 'Big Case', values: ['delivered'] }] }, ['cases', 0, 'id'], 'Give each case a short id of lowercase letters, digits, - or _.'],
    [{ by: 'shipment.status', cases: [{ id: 'default', values: ['delivered'] }] }, ['cases', 0, 'id'], 'Two cases have the same id ("default" is taken by the other exit).'],
    [
      { by: 'shipment.status', cases: [{ id: 'a', values: ['delivered'] }, { id: 'a', values: ['returned'] }] },
      ['cases', 1, 'id'],
      'Two cases have the same id ("default" is taken by the other exit).',
    ],
    [{ by: 'shipment.status', cases: [{ id: 'a', values: [] }] }, ['cases', 0, 'values'], 'Choose at least one value for each case, from the list.'],
    [{ by: 'shipment.destination_country', cases: [{ id: 'a', values: ['Spain'] }] }, ['cases', 0, 'values', 0], 'Choose at least one value for each case, from the list.'],
    [
      { by: 'shipment.status', cases: [{ id: 'a', values: ['delivered'] }, { id: 'b', values: ['returned', 'delivered'] }] },
      ['cases', 1, 'values', 1],
      'A value can lead to only one case.',
    ],
    [{ by: 'shipment.status', cases: [{ id: 'a', values: ['delivered'], label: 'x'.repeat(61) }] }, ['cases', 0, 'label'], 'Keep the label to 60 characters.'],
  ])('rejects %j', (config, path, message) => {
    expect(configIssues(switchNodeType, config)).toEqual([{ path, message }]);
  });

  it('words its errors in the marketer’s language', () => {
    expect(configIssues(switchNodeType, { by: 'shipment.status', cases: [{ id: 'a', values: ['delivered'] }, { id: 'b', values: ['delivered'] }] }, 'fr')).toEqual([
      { path: ['cases', 1, 'values', 0], message: "Une valeur ne peut mener qu'à un seul cas." },
    ]);
  });

  it('summarizes what it branches on and its exits', () => {
    expect(summary(byCarrier, 'en')).toBe('Carrier: DHL Express · US carriers · Other');
    expect(summary(configSchema.parse({ by: 'shipment.status', cases: [{ id: 'd', values: ['delivered'] }] }), 'it')).toBe(
      'Stato della spedizione: Consegnato · Altro',
    );
  });
});
