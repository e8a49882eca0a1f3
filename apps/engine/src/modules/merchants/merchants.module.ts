import { Global, Module } from '@nestjs/common';
import { MerchantRepository } from './merchant.repository';

@Global()
@Module({ providers: [MerchantRepository], exports: [MerchantRepository] })
export class MerchantsModule {}
