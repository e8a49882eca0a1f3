import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { CarriersService } from './carriers.service';

/** Open to every authenticated principal: the list is the same for all merchants. */
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
}
