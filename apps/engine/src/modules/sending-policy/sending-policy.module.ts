import { Module } from '@nestjs/common';
import { SendingPolicyController } from './sending-policy.controller';
import { SendingPolicyRepository } from './sending-policy.repository';

/** The merchant's sending policy (time zone, quiet hours, frequency caps): its API, and its reads for the send stage. */
@Module({
  controllers: [SendingPolicyController],
  providers: [SendingPolicyRepository],
  exports: [SendingPolicyRepository],
})
export class SendingPolicyModule {}
