// Reading parsed JSON and YAML (synthesized objects, users' values) without trusting its shape.

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** Whether `v` is a JSON object (not null, not an array). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The elements of `v` when it is an array, else none (a wrong type is the schema check's to report). */
export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}
