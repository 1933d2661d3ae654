import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@lienthong/config';
import { UnitsModule } from '../units/units.module';
import { JWT_ALGORITHM, JWT_ISSUER } from './auth.constants';
import { AuthController } from './auth.controller';
import { AuthAuditService } from './auth-audit.service';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { SignInGuard } from './sign-in-guard.service';

@Module({
  imports: [
    UnitsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given a string, jsonwebtoken first tries it as a public (or private)
        // key on every verify and sign, and the exception it catches cost ~5% of the API's CPU per
        // request (`npm run bench --profile`). Nest's type says string | Buffer; jsonwebtoken takes keys.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as Buffer,
        signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, expiresIn: config.JWT_EXPIRES_IN_SECONDS },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SignInGuard, AuthAuditService, { provide: APP_GUARD, useClass: JwtAuthGuard }],
})
export class AuthModule {}
