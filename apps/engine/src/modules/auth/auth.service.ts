import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../common/auth/secrets';
import { ApiError } from '../../common/http/api-error';
import { Merchant, MerchantRepository, User } from '../merchants/merchant.repository';
import { LoginThrottle } from './login-throttle';
import { SessionRepository } from './session.repository';

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  user: User;
  merchant: Merchant;
}

@Injectable()
export class AuthService {
  // Compared against when the e-mail is unknown, so both failures take the same time.
  private readonly decoyHash = hashPassword(randomToken());

  constructor(
    private readonly merchants: MerchantRepository,
    private readonly sessions: SessionRepository,
    private readonly throttle: LoginThrottle,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** `clientAddress` counts failures per client as well as per e-mail (see LoginThrottle). */
  async login(email: string, password: string, clientAddress: string): Promise<LoginResult> {
    await this.throttle.reserveAttempt(email, clientAddress);
    const user = await this.merchants.findUserForLogin(email);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !valid) throw new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', 'E-mail or password is wrong');
    await this.throttle.release(email, clientAddress);
    const merchant = await this.merchants.findById(user.merchantId);
    if (!merchant) throw new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', 'E-mail or password is wrong');
    const sessionToken = randomToken();
    const csrfToken = randomToken();
    await this.sessions.create({
      tokenHash: sha256(sessionToken),
      merchantId: user.merchantId,
      userId: user.id,
      csrfToken,
      ttlHours: this.config.SESSION_TTL_HOURS,
    });
    const { passwordHash: _omit, ...publicUser } = user;
    return { sessionToken, csrfToken, user: publicUser, merchant };
  }

  async logout(sessionToken: string): Promise<void> {
    await this.sessions.delete(sha256(sessionToken));
  }

  async me(merchantId: string, userId: string): Promise<{ user: User; merchant: Merchant }> {
    const [user, merchant] = await Promise.all([
      this.merchants.findUser(merchantId, userId),
      this.merchants.findById(merchantId),
    ]);
    if (!user || !merchant) throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Session is no longer valid');
    return { user, merchant };
  }
}
