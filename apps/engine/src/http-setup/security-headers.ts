import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';

/**
 * Security headers for everything the engine serves (studio, API, OpenAPI UI). Scripts only from this
 * origin; styles may be inline (e-mail HTML in the Outbox preview is all inline styles); images from
 * anywhere over HTTPS, as e-mails reference the shop's pictures. The tracking page sets a stricter policy itself.
 */
export function installSecurityHeaders(app: INestApplication, secureCookies: boolean): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'https:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
        },
      },
      // Only meaningful (and only safe to promise) when the engine is served over HTTPS.
      strictTransportSecurity: secureCookies,
      crossOriginEmbedderPolicy: false,
    }),
  );
}
