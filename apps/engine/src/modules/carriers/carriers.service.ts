import { Injectable } from '@nestjs/common';
import { listCarriers } from '@postino/carriers';
import { UnknownCarrierCode, UnknownCarrierCodeRepository } from './unknown-carrier-code.repository';

export interface CarrierSummary {
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes, or `['*']` for worldwide. */
  countries: string[];
  /** The carrier's public tracking page, with a `{trackingNumber}` placeholder. */
  trackingUrl: string;
  nativeFormat: string;
}

/** The carriers Postino understands, as the studio and integrations need to know them (no code tables). */
@Injectable()
export class CarriersService {
  constructor(private readonly unknownCodeCounts: UnknownCarrierCodeRepository) {}

  unknownCodes(merchantId: string): Promise<UnknownCarrierCode[]> {
    return this.unknownCodeCounts.list(merchantId);
  }

  list(): CarrierSummary[] {
    return listCarriers().map((carrier) => ({
      slug: carrier.slug,
      name: carrier.name,
      countries: carrier.countries,
      trackingUrl: carrier.trackingUrlTemplate,
      nativeFormat: carrier.nativeFormat,
    }));
  }
}
