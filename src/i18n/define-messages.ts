/**
 * @module Typed message catalogues: each feature owns one file in `messages/` with an `id` and an `en`
 * table; the English table must have exactly the Indonesian keys (checked by the type system).
 */
type Catalogue<K extends string> = { id: Record<K, string>; en: Record<K, string> };

export function defineMessages<const T extends Record<string, string>>(catalogue: {
  id: T;
  en: Record<keyof T, string>;
}): Catalogue<Extract<keyof T, string>> {
  return catalogue as Catalogue<Extract<keyof T, string>>;
}
