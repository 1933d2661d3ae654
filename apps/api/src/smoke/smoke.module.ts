import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { SmokeController } from './smoke.controller';

@Module({ imports: [UnitsModule], controllers: [SmokeController] })
export class SmokeModule {}
