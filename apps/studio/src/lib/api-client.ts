import { networkError, toApiError } from './api-error';
import { readCookie } from './cookies';

export const CSRF_COOKIE = 'postino_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Sent as is instead of JSON, e.g. a file streamed as the request body. */
  rawBody?: Blob;
  signal?: AbortSignal;
}

export interface ApiClientDeps {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** The `document.cookie` string; read on every request because the CSRF cookie changes at login. */
  readCookies: () => string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /** POSTs a file as the whole request body, with its own content type. */
  postFile<T>(path: string, file: Blob, options?: RequestOptions): Promise<T>;
  delete<T = void>(path: string, options?: RequestOptions): Promise<T>;
  /** Called whenever any request answers 401, so the app can send the user back to the login page. */
  onUnauthorized(listener: () => void): () => void;
}

/** Appends the non-empty query values to a path. */
export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  if (!isJson) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  const unauthorizedListeners = new Set<() => void>();

  async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.rawBody) headers['Content-Type'] = options.rawBody.type || 'application/octet-stream';
    else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const csrfToken = readCookie(deps.readCookies(), CSRF_COOKIE);
      if (csrfToken) headers[CSRF_HEADER] = csrfToken;
    }

    let response: Response;
    try {
      response = await deps.fetch(buildUrl(path, options.query), {
        method,
        headers,
        body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw networkError(cause);
    }

    const body = await readBody(response);
    if (!response.ok) {
      const error = toApiError(response.status, body);
      if (error.isUnauthorized) unauthorizedListeners.forEach((listener) => listener());
      throw error;
    }
    return body as T;
  }

  return {
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    postFile: (path, file, options) => request('POST', path, { ...options, rawBody: file }),
    delete: (path, options) => request('DELETE', path, options),
    onUnauthorized(listener) {
      unauthorizedListeners.add(listener);
      return () => unauthorizedListeners.delete(listener);
    },
  };
}

export const api = createApiClient({
  fetch: (input, init) => globalThis.fetch(input, init),
  readCookies: () => (typeof document === 'undefined' ? '' : document.cookie),
});
