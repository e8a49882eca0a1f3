import { Module } from '@nestjs/common';
import { CarriersController } from './carriers.controller';
import { CarriersService } from './carriers.service';
import { UnknownCarrierCodeRepository } from './unknown-carrier-code.repository';

@Module({
  controllers: [CarriersController],
  providers: [CarriersService, UnknownCarrierCodeRepository],
})
export class CarriersModule {}
