import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, PROCESS_REGISTRY } from '@lienthong/config';
import type { ProcessRegistry } from '@lienthong/domain';
import { AppModule } from './app.module';
import { addPayloadSchemas } from './cases/payload-schemas';
import { useBodyParsers } from './common/body-limits';
import { addErrorResponses } from './common/openapi-errors';
import { useSecurityHeaders } from './common/security-headers';
import { validationPipe } from './common/validation';
import { serveWebApp } from './web-app';

/** Builds the API exactly as production runs it; `main.ts` listens, tests drive it with supertest. */
export async function createApiApp(config?: AppConfig, processes?: ProcessRegistry): Promise<INestApplication> {
  // Body parsers are ours (limits on size and depth): useBodyParsers below.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, processes), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  useSecurityHeaders(app);
  useBodyParsers(app);
  // Whose X-Forwarded-For to believe (TRUST_PROXY): req.ip, and so sign-in throttling and the audit log, depend on it.
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).TRUST_PROXY);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app);
  await app.init();
  return app;
}

/**
 * The OpenAPI document of the routes as registered. The web app's client types are generated from it
 * (tools/generate-web-api.ts), so it must be built from the same code path the server uses.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Liên Thông API')
      .setDescription(
        'Workflow and approval engine for Vietnamese mass organizations. Sign in with POST /api/auth/login, ' +
          'then send `Authorization: Bearer <accessToken>`. Errors are `{ statusCode, error, code, message, details? }`, ' +
          'messages in Vietnamese unless `Accept-Language: en`. Any request body is at most 100 KB (413 `request.too_large`) and ' +
          '32 levels deep (400 `request.too_deep`); required texts blank to the eye (spaces, zero-width characters, BOM, NBSP) are ' +
          'refused like empty ones (400 naming the field) and kept in NFC.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  return addErrorResponses(addPayloadSchemas(document, app.get(PROCESS_REGISTRY)));
}
