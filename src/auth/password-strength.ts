/**
 * @module zxcvbn-ts with its common-password dictionary, built once. `password-policy.ts` imports this
 * module on first use only: decompressing the dictionary costs tens of milliseconds and memory that no
 * start-up should pay.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

export const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary },
  graphs: common.adjacencyGraphs,
});
