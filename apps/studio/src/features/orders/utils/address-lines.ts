/** An address as printed on a parcel label, one line each: name, company, street, "postal code city", province, country. */
export function addressLines(address: Record<string, string> | null): string[] {
  if (!address) return [];
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.name, address.company, address.address1, address.address2, cityLine, address.province, address.country]
    .map((line) => line?.trim())
    .filter((line): line is string => Boolean(line));
}
