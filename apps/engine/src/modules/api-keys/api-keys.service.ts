import { Injectable } from '@nestjs/common';
import { randomToken, sha256 } from '../../common/auth/secrets';
import { ApiError } from '../../common/http/api-error';
import { ApiKeyRepository, ApiKeySummary } from './api-key.repository';

export const API_KEY_PREFIX = 'pst_';

@Injectable()
export class ApiKeysService {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  /** The plain key is returned once, here; only its hash is stored. */
  async create(merchantId: string, name: string, createdBy: string | null): Promise<ApiKeySummary & { key: string }> {
    const key = `${API_KEY_PREFIX}${randomToken(32)}`;
    const summary = await this.apiKeys.create({
      merchantId,
      name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: sha256(key),
      createdBy,
    });
    return { ...summary, key };
  }

  list(merchantId: string): Promise<ApiKeySummary[]> {
    return this.apiKeys.list(merchantId);
  }

  async revoke(merchantId: string, id: string): Promise<void> {
    if (!(await this.apiKeys.revoke(merchantId, id))) throw ApiError.notFound('API key');
  }

  async authenticate(key: string): Promise<{ id: string; merchantId: string } | null> {
    if (!key.startsWith(API_KEY_PREFIX)) return null;
    const found = await this.apiKeys.findActiveByHash(sha256(key));
    if (found) await this.apiKeys.touch(found.id);
    return found;
  }
}
