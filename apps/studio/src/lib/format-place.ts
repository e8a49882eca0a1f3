/** Address-like fields in the order a reader expects them; other string fields follow. */
const placeFieldOrder = [
  'name',
  'line1',
  'line2',
  'address1',
  'address2',
  'street',
  'postalCode',
  'zip',
  'city',
  'region',
  'province',
  'state',
  'country',
  'countryCode',
];

/**
 * One line for a location or destination, whether the API sends it as text or as an address object.
 * Empty when there is nothing to show.
 */
export function formatPlace(place: unknown): string {
  if (typeof place === 'string') return place.trim();
  if (typeof place !== 'object' || place === null) return '';
  const fields = place as Record<string, unknown>;
  const known = placeFieldOrder.filter((key) => key in fields);
  const others = Object.keys(fields).filter((key) => !placeFieldOrder.includes(key));
  const parts = [...known, ...others]
    .map((key) => fields[key])
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map((value) => String(value).trim())
    .filter(Boolean);
  return [...new Set(parts)].join(', ');
}
