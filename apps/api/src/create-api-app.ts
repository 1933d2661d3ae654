import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../../../libs/config/src';
import { AppModule } from './app.module';
import { validationPipe } from './common/validation';

/** Builds the API exactly as production runs it; `main.ts` listens, tests drive it with supertest. */
export async function createApiApp(config?: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Liên Thông API')
      .setDescription(
        'Workflow and approval engine for Vietnamese mass organizations. Sign in with POST /api/auth/login, ' +
          'then send `Authorization: Bearer <accessToken>`. Errors are `{ statusCode, error, code, message, details? }`, ' +
          'messages in Vietnamese unless `Accept-Language: en`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
