import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, IS_PUBLIC, Principal, REQUIRED_ROLES, UserRole } from '../../common/auth/principal';
import { safeEqual, sha256 } from '../../common/auth/secrets';
import { ApiError } from '../../common/http/api-error';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookies';
import { SessionRepository } from './session.repository';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every route needs a principal unless marked @Public(): an API key (Bearer) or a studio session cookie. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly sessions: SessionRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(req);
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && (principal.kind !== 'user' || !roles.includes(principal.role))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `Requires a studio user with role ${roles.join(' or ')}`);
    }
    req.principal = principal;
    return true;
  }

  private async authenticate(req: AuthenticatedRequest): Promise<Principal> {
    const header = req.headers.authorization;
    if (header) {
      const [scheme, key] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !key) {
        throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Authorization header must be "Bearer <api key>"');
      }
      const found = await this.apiKeys.authenticate(key.trim());
      if (!found) throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'API key is invalid or revoked');
      return { kind: 'api_key', merchantId: found.merchantId, apiKeyId: found.id };
    }
    const token: string | undefined = req.cookies?.[SESSION_COOKIE];
    if (!token) throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Log in or send an API key');
    const session = await this.sessions.findValid(sha256(token));
    if (!session) throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Session expired: log in again');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'csrf_failed', 'Missing or wrong X-CSRF-Token header');
      }
    }
    return {
      kind: 'user',
      merchantId: session.merchantId,
      userId: session.userId,
      role: session.role,
      sessionId: session.tokenHash,
    };
  }
}
