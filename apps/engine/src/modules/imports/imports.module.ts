import { Module } from '@nestjs/common';
import { ShopDataModule } from '../shop-data/shop-data.module';
import { ImportRepository } from './import.repository';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/**
 * CSV imports of orders (with their shipments) and products: streamed uploads applied in batches through the
 * shop-data write path, with progress and a per-row error report. Kinds are folders in kinds/.
 */
@Module({ imports: [ShopDataModule], controllers: [ImportsController], providers: [ImportsService, ImportRepository] })
export class ImportsModule {}
