import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

export const OPENAPI_PATH = 'api/docs';

/** OpenAPI generated from the controllers and their zod schemas; UI at /api/docs, JSON at /api/docs-json. */
export function mountOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Postino API')
    .setDescription('Shipments, tracking events, flows, templates and messages. Errors are { error, message, details }.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key (pst_…)' })
    .addCookieAuth('postino_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(OPENAPI_PATH, app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs-json' });
}
