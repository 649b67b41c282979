/**
 * @module Closure kinds: a national holiday (hari libur nasional), *cuti bersama* (collective leave the
 * government adds around holidays) and a local holiday set by the regent. All three are non-working days.
 */
import { CLOSURE_KINDS } from "../../db/schema/closures";

export { CLOSURE_KINDS };
export type ClosureKind = (typeof CLOSURE_KINDS)[number];
