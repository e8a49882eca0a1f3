import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SessionRepository } from './session.repository';

@Module({
  imports: [ApiKeysModule],
  controllers: [AuthController],
  providers: [AuthService, SessionRepository, LoginThrottle, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, SessionRepository],
})
export class AuthModule {}
