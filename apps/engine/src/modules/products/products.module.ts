import { Module } from '@nestjs/common';
import { ProductRepository } from './product.repository';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

/** The product catalogue: read here, written by the shop-data service. */
@Module({ controllers: [ProductsController], providers: [ProductRepository, ProductsService], exports: [ProductRepository] })
export class ProductsModule {}
