import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { MerchantId } from '../../common/auth/principal';
import { CarriersService } from './carriers.service';

/** Open to every authenticated principal: the carrier list is the same for all merchants. */
@ApiTags('carriers')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1/carriers')
export class CarriersController {
  constructor(private readonly carriers: CarriersService) {}

  @Get()
  list() {
    return this.carriers.list();
  }

  /**
   * Carrier codes this merchant received that no code table knows, with how often they came: their events
   * were kept with a status guessed from the description (or none). This is what to add to the tables next.
   */
  @Get('unknown-codes')
  async unknownCodes(@MerchantId() merchantId: string) {
    return { items: await this.carriers.unknownCodes(merchantId) };
  }
}
