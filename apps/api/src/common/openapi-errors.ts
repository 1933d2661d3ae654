import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

export const API_ERROR_SCHEMA = 'ApiError';
const ERROR_REF = { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** `{ statusCode, error, code, message, details? }`: every error the one exception filter sends. */
const API_ERROR: Json = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    code: { type: 'string', example: 'validation.failed', description: 'Stable; clients may switch on it' },
    message: { type: 'string', example: 'Dữ liệu không hợp lệ: title.', description: 'Vietnamese unless `Accept-Language: en`' },
    details: {
      description: 'validation.failed: the fields and what is wrong with each',
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string', example: 'title' }, messages: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
};

const errorContent = (example?: unknown): Json => ({
  'application/json': { schema: ERROR_REF, ...(example === undefined ? {} : { example }) },
});

/** What any route can answer besides its own responses, added where the route does not say it itself. */
const COMMON = {
  unauthorized: {
    description: 'No valid token: auth.token_missing, auth.token_invalid (expired, forged, or the user was disabled)',
  },
  invalid: {
    description:
      'Invalid input, `details` naming each field (validation.failed), or a body that is not JSON (request.malformed) or nests deeper than 32 levels (request.too_deep)',
  },
  tooLarge: { description: 'A body over 100 KB: request.too_large' },
};

/**
 * Completes the document with the errors every route really answers, so that clients and a fuzzer
 * read one truth: 401 on every route that needs a token, 400 where there is input, 413 where there is
 * a body, each with the shared error schema; error responses declared with only an example get the
 * schema too. Case creation links to the routes of the case it creates (OpenAPI links), so a fuzzer
 * can follow the id it got. Health's 503 keeps its own shape (Terminus's report).
 */
export function addErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, [API_ERROR_SCHEMA]: API_ERROR };
  const caseRoutes: { operationId: string; method: string; path: string }[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const responses = (op.responses ?? {}) as Record<string, Json>;
      op.responses = responses;
      const secured = Array.isArray(op.security) && op.security.length > 0;
      const params = (op.parameters ?? []) as { in: string }[];
      const hasInput = Boolean(op.requestBody) || params.some((p) => p.in === 'query' || p.in === 'path' || p.in === 'header');
      if (secured && !responses['401']) responses['401'] = { ...COMMON.unauthorized };
      if (hasInput && !responses['400']) responses['400'] = { ...COMMON.invalid };
      if (op.requestBody && !responses['413']) responses['413'] = { ...COMMON.tooLarge };
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]\d\d$/.test(status) || path === '/api/health') continue;
        const media = (response.content as Record<string, Json> | undefined)?.['application/json'];
        const schema = media?.schema as Json | undefined;
        if (!media) response.content = errorContent();
        else if (!schema || !('$ref' in schema)) {
          // Only an example was given (errorExample in the controllers): keep it beside the schema.
          response.content = errorContent(schema?.example ?? media.example);
        }
      }
      if (path.startsWith('/api/cases/{id}') && typeof op.operationId === 'string') {
        caseRoutes.push({ operationId: op.operationId, method, path });
      }
    }
  }
  const create = (document.paths['/api/cases'] as Json | undefined)?.post as Json | undefined;
  const created = (create?.responses as Record<string, Json> | undefined)?.['201'];
  if (created) {
    created.links = Object.fromEntries(
      caseRoutes.map((r) => [
        r.operationId.replace(/^CasesController_/, ''),
        {
          operationId: r.operationId,
          parameters: { id: '$response.body#/id' },
          description: `${r.method.toUpperCase()} ${r.path} of the case just created`,
        },
      ]),
    );
  }
  return document;
}
