import { api } from '../../../lib/api-client';
import type { Carrier } from '../types';

export function listCarriers(signal?: AbortSignal): Promise<Carrier[]> {
  return api.get<Carrier[]>('/api/v1/carriers', { signal });
}
