import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { loginRequestSchema } from '@postino/api-contract';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { ApiError } from '../../common/http/api-error';
import { CurrentPrincipal, Principal, Public } from '../../common/auth/principal';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { AuthService } from './auth.service';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from './session-cookies';

class LoginDto extends createZodDto(loginRequestSchema) {}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** Opens a studio session. Not idempotent by key: replaying it would hand out the same session. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.auth.login(body.email, body.password, req.ip ?? 'unknown');
    setSessionCookies(res, {
      token: result.sessionToken,
      csrf: result.csrfToken,
      ttlHours: this.config.SESSION_TTL_HOURS,
      secure: this.config.SECURE_COOKIES,
    });
    return { user: result.user, merchant: result.merchant };
  }

  @ApiCookieAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) await this.auth.logout(token);
    clearSessionCookies(res);
  }

  @ApiCookieAuth()
  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    if (principal.kind !== 'user') throw new ApiError(403, 'forbidden', 'Only studio sessions have a user');
    return this.auth.me(principal.merchantId, principal.userId);
  }
}
