import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import type { ProcessRegistry } from '@lienthong/domain';
import { PROCESSES } from '@lienthong/processes';

/**
 * Each process's payload schema in the OpenAPI document, generated from the same zod schema the API
 * validates with: `HousingSupportPayload`, `SupportVisitPayload`, … under components.schemas.
 */
export const payloadSchemaName = (processType: string) =>
  `${processType.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}Payload`;

/** `oneOf` references for the DTOs (decorators are evaluated once, from the build's registry). */
export const PAYLOAD_SCHEMA_REFS = PROCESSES.types.map((t) => ({ $ref: `#/components/schemas/${payloadSchemaName(t)}` }));

/** Adds the payload schemas of the latest definition of every process to the document. */
export function addPayloadSchemas(document: OpenAPIObject, processes: ProcessRegistry): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  for (const module of processes.modules) {
    const latest = [...module.definitions].sort((a, b) => b.version - a.version)[0];
    // Input shape: fields with a default (otherFunding: []) may be left out of a request.
    const schema = z.toJSONSchema(latest.payloadSchema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete schema.$schema;
    document.components.schemas[payloadSchemaName(module.processType)] = { ...schema, example: module.example.payload };
  }
  return document;
}
