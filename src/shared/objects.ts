/**
 * The properties of an object whose value is not undefined. Zod's optional fields come out typed
 * `T | undefined`; with exactOptionalPropertyTypes a patch built from them must drop those keys before it is
 * spread over a complete object, or an absent field would overwrite a present one with undefined.
 */
export function withoutUndefined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
