import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { UnitsService } from '../units/units.service';
import { AuthService } from './auth.service';
import { AuthUser, CurrentUser } from './current-user.decorator';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, MeDto } from './dto/me.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly units: UnitsService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password (the message does not say which)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, ip);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user with their roles and units' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.units.me(user.id);
  }
}
