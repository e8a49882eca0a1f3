import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error';

/** A version number in a path (…/versions/3): anything but a positive whole number names no version, hence 404. */
@Injectable()
export class VersionNumberParam implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw ApiError.notFound('Version');
    return Number(value);
  }
}
