/** How a captured webhook's signature is shown: checked against the shop's secret, or not checked. */
export function describeSignature(signatureValid: boolean | null): string {
  if (signatureValid === null) return 'Not checked (the capture does not know this shop’s secret)';
  return signatureValid ? 'Valid' : 'Invalid: it does not match the shop’s signing secret';
}
