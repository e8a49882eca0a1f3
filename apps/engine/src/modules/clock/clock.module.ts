import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** One clock per engine, shared by every module that schedules work. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
