import type { Model, SimpleType } from '../model.js';

/**
 * Pass: the version of the schema set, for the output header and `SCHEMA_VERSION`: the
 * `version` attribute of an `xs:schema` where one has it (the builder reads it), else the
 * highest value of `ExchangeVersionType`, the versions a client may request, which the schemas
 * list oldest first. A set with neither (our own UM and Autodiscover schemas) has no version.
 */
export function findSchemaVersion(model: Model): void {
  if (model.source.version !== undefined) return;
  const versions = exchangeVersions(model);
  if (versions.length) model.source.version = versions[versions.length - 1];
}

/** The ExchangeVersionType enumeration (the versions a request may name), if the schema has one. */
export function exchangeVersionType(model: Model): SimpleType | undefined {
  for (const t of model.types.values())
    if (t.kind === 'simple' && t.name.local === 'ExchangeVersionType' && t.variety.kind === 'atomic' && t.variety.enumeration?.length) return t;
  return undefined;
}

/** The values of ExchangeVersionType, oldest first; none when the schema has no such type. */
export function exchangeVersions(model: Model): string[] {
  const t = exchangeVersionType(model);
  return t?.variety.kind === 'atomic' ? (t.variety.enumeration ?? []).map((v) => v.value) : [];
}
