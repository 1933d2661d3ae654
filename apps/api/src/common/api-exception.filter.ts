import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  HttpStatus,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorKind } from '@lienthong/domain';
import { PROCESS_REGISTRY } from '@lienthong/config';
import type { ProcessRegistry } from '@lienthong/domain';
import { languageFrom, MESSAGES, translateFrom } from '@lienthong/i18n';
import { BODY_LIMIT_BYTES } from './body-limits';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * body-parser's errors reach the filter as they are, not as HttpExceptions: http-errors with a 4xx
 * status, `expose` set, and mostly a `type` (`entity.too.large`, `entity.parse.failed`,
 * `encoding.unsupported`…; a body that claims gzip and is not has none). Their status, or undefined.
 */
function bodyParserStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { type, status, expose } = exception as Error & { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return typeof type === 'string' || expose === true ? status : undefined;
}

const isHealthReport = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'status' in body && 'details' in body;

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown;
}

/**
 * Every error leaves the API as `{ statusCode, error, code, message, details? }`, the message in the
 * caller's language (Accept-Language; Vietnamese by default). Unknown errors are logged and become a
 * 500 without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');
  /** The chain's messages and every process module's own. */
  private readonly messages: Record<string, { vi: string; en: string }>;

  constructor(@Inject(PROCESS_REGISTRY) processes: ProcessRegistry) {
    this.messages = { ...MESSAGES, ...processes.messages };
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const language = languageFrom(req.headers['accept-language']);
    if (exception instanceof ServiceUnavailableException && isHealthReport(exception.getResponse())) {
      // Terminus's report names which dependency is down; pass it through as the 503 body.
      res.status(503).json(exception.getResponse());
      return;
    }
    const body = this.toBody(exception, req, language);
    if (exception instanceof DomainError && exception.kind === 'rate_limited' && exception.params.seconds) {
      res.setHeader('Retry-After', String(exception.params.seconds));
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request, language: 'vi' | 'en'): ApiErrorBody {
    const make = (statusCode: number, code: string, params?: Record<string, string | number>, details?: unknown) => ({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      code,
      message: translateFrom(this.messages, code, language, params),
      ...(details === undefined ? {} : { details }),
    });

    if (exception instanceof DomainError) {
      return make(STATUS[exception.kind], exception.code, exception.params, exception.details);
    }
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus === HttpStatus.PAYLOAD_TOO_LARGE) {
      return make(413, 'request.too_large', { limit: `${Math.round(BODY_LIMIT_BYTES / 1024)} KB` });
    }
    if (parserStatus) return make(parserStatus, 'request.malformed', { reason: (exception as Error).message });
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND) return make(404, 'route.not_found', { path: req.path });
      if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        return make(413, 'request.too_large', { limit: `${Math.round(BODY_LIMIT_BYTES / 1024)} KB` });
      }
      if (status === HttpStatus.BAD_REQUEST) {
        // Malformed JSON: Nest maps body-parser's SyntaxError to a BadRequestException.
        return make(status, 'request.malformed', { reason: exception.message });
      }
      if (status < 500) {
        return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', code: 'http', message: exception.message };
      }
    }
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    return make(500, 'internal');
  }
}
