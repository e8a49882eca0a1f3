import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export type UserRole = 'owner' | 'marketer' | 'agent';

/** Who is calling: a studio user (session cookie) or an integration (API key). Always one merchant. */
export type Principal =
  | { kind: 'user'; merchantId: string; userId: string; role: UserRole; sessionId: string }
  | { kind: 'api_key'; merchantId: string; apiKeyId: string };

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export const IS_PUBLIC = 'postino:isPublic';
/** The route needs no credentials (login, health, the public tracking page). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_ROLES = 'postino:requiredRoles';
/** Only studio users with one of these roles may call the route (API keys may not). */
export const UserRoles = (...roles: UserRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

/** The merchant every query of the request is scoped to. */
export const MerchantId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('MerchantId used on a public route');
  return principal.merchantId;
});
