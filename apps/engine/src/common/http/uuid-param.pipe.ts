import { Injectable, PipeTransform } from '@nestjs/common';
import { uuidParamSchema } from '@postino/api-contract';
import { ApiError } from './api-error';

/**
 * A malformed id names nothing that could exist: answer 404 like any other unknown id,
 * so ids of other merchants and garbage are indistinguishable.
 */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!uuidParamSchema.safeParse(value).success) throw ApiError.notFound('Resource');
    return value;
  }
}
