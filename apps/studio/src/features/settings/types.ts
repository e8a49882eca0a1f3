export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the key, enough to recognise it; the full key is never shown again. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a key: the only time the full `key` is available. */
export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
  createdAt: string;
}
