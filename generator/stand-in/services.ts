/*
 * The services the stand-in serves, from the generated SDK: per path, the schema its requests
 * are read with and, per body element, the operation with its request and response classes.
 */
import type { CompiledSchema } from '../../generated/runtime/compile.js';
import { EwsRequest, EwsResponse } from '../../generated/runtime/operation.js';
import { elementKey, type OperationSpec } from '../../generated/runtime/soap.js';
import * as ewsOperations from '../../generated/ews/operations.js';
import { compiled as ewsSchema } from '../../generated/ews/schema.js';
import * as umOperations from '../../generated/um/operations.js';
import { compiled as umSchema } from '../../generated/um/schema.js';
import * as autodiscoverOperations from '../../generated/autodiscover/operations.js';
import { compiled as autodiscoverSchema } from '../../generated/autodiscover/schema.js';

interface ResponseClass {
  new (body: never, headers?: never): { toEnvelope(): string };
  fromEnvelope(xml: string, options?: { strict?: boolean }): { body: unknown };
}

interface RequestClass {
  new (body: never, headers?: never): { operation: OperationSpec; toEnvelope(): string };
}

export interface ServedOperation {
  spec: OperationSpec;
  Request: RequestClass;
  Response: ResponseClass;
}

export interface Service {
  name: 'EWS' | 'UM' | 'Autodiscover';
  schema: CompiledSchema;
  /** By body element key (`m:FindItem`). */
  operations: Map<string, ServedOperation>;
}

function service(name: Service['name'], schema: CompiledSchema, module: Record<string, unknown>): Service {
  // Classes are found by what they are, not by name: clashes rename them (`…Response_2`).
  const specOf = (Class: unknown) => (Class as { operation: OperationSpec }).operation;
  const requests = new Map<OperationSpec, RequestClass>();
  for (const value of Object.values(module)) {
    if (typeof value === 'function' && value.prototype instanceof EwsRequest) requests.set(specOf(value), value as RequestClass);
  }
  const operations = new Map<string, ServedOperation>();
  for (const value of Object.values(module)) {
    if (typeof value !== 'function' || !(value.prototype instanceof EwsResponse)) continue;
    const spec = specOf(value);
    operations.set(elementKey(spec.namespaces, spec.input.body), { spec, Request: requests.get(spec)!, Response: value as ResponseClass });
  }
  return { name, schema, operations };
}

export const EWS_PATH = '/EWS/Exchange.asmx';
export const UM_PATH = '/EWS/UM2007Legacy.asmx';
export const AUTODISCOVER_PATH = '/autodiscover/autodiscover.svc';
/** POX Autodiscover: plain XML, not a SOAP service (the stand-in answers it on its own). */
export const POX_PATH = '/autodiscover/autodiscover.xml';

/** The services by path, compared case-insensitively as IIS does. */
export const SERVICES: ReadonlyMap<string, Service> = new Map([
  [EWS_PATH.toLowerCase(), service('EWS', ewsSchema, ewsOperations)],
  [UM_PATH.toLowerCase(), service('UM', umSchema, umOperations)],
  [AUTODISCOVER_PATH.toLowerCase(), service('Autodiscover', autodiscoverSchema, autodiscoverOperations)],
]);
