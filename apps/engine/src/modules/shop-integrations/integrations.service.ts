import { Inject, Injectable } from '@nestjs/common';
import type { CreateIntegrationRequest, IntegrationView, RotateIntegrationSecretRequest } from '@postino/api-contract';
import { randomUUID } from 'node:crypto';
import { randomToken } from '../../common/auth/secrets';
import { SecretBox } from '../../common/auth/secret-box';
import { ApiError } from '../../common/http/api-error';
import { ENGINE_CONFIG, EngineConfig } from '../../config/engine-config';
import { Clock } from '../clock/clock';
import { IntegrationRepository, IntegrationRow } from './integration.repository';
import { integrationView } from './integration-view';

/** The SecretBox of webhook signing secrets (its own key, derived from APP_SECRET). */
export const INTEGRATION_SECRETS = Symbol('INTEGRATION_SECRETS');

/** Settings → integrations: connect a shop, read its last delivery, rotate its secret, disconnect it. */
@Injectable()
export class IntegrationsService {
  constructor(
    private readonly integrations: IntegrationRepository,
    @Inject(INTEGRATION_SECRETS) private readonly secrets: SecretBox,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly clock: Clock,
  ) {}

  /** The secret is answered once, here (or on rotation); it is stored sealed and never listed. */
  async create(merchantId: string, input: CreateIntegrationRequest): Promise<IntegrationView & { secret: string }> {
    const id = randomUUID();
    const secret = input.secret ?? randomToken(32);
    const row = await this.integrations.create({
      id,
      merchantId,
      platform: input.platform,
      name: input.name,
      currency: input.currency ?? null,
      secretSealed: this.secrets.seal(secret, id),
    });
    return { ...this.view(row), secret };
  }

  async list(merchantId: string): Promise<{ items: IntegrationView[] }> {
    return { items: (await this.integrations.list(merchantId)).map((row) => this.view(row)) };
  }

  async get(merchantId: string, id: string): Promise<IntegrationView> {
    const row = await this.integrations.find(merchantId, id);
    if (!row) throw ApiError.notFound('Integration');
    return this.view(row);
  }

  /** The old secret stops verifying at once: paste the new one into the shop right after. */
  async rotateSecret(merchantId: string, id: string, input: RotateIntegrationSecretRequest): Promise<IntegrationView & { secret: string }> {
    const secret = input.secret ?? randomToken(32);
    const row = await this.integrations.replaceSecret(merchantId, id, this.secrets.seal(secret, id), this.clock.now());
    if (!row) throw ApiError.notFound('Integration');
    return { ...this.view(row), secret };
  }

  /** Hooks of a deleted integration answer 404; the shop data it brought stays. */
  async remove(merchantId: string, id: string): Promise<void> {
    if (!(await this.integrations.delete(merchantId, id))) throw ApiError.notFound('Integration');
  }

  private view(row: IntegrationRow): IntegrationView {
    return integrationView(row, this.config.PUBLIC_URL);
  }
}
