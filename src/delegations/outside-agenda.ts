/**
 * @module The agenda items of a visit that fall outside dates about to be confirmed, and the error that
 * asks staff to choose what happens to them (keep them, or cancel them with the confirmation).
 */
import type { Queryable } from "../../db/client";
import type { DateRange } from "../../db/schema/delegations";
import { loadDelegationAgenda } from "../agenda/load-agenda";
import { itemsOutside } from "../agenda/outside-dates";
import { DEFAULT_HOST_TIME_ZONE } from "../config";
import { AppError } from "../http/errors";

interface OutsideItem {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

export async function outsideAgenda(
  q: Queryable,
  delegationId: string,
  range: DateRange,
  ctx: { config?: { hostTimeZone: string } },
): Promise<OutsideItem[]> {
  const agenda = await loadDelegationAgenda(
    q,
    delegationId,
    ctx.config?.hostTimeZone ?? DEFAULT_HOST_TIME_ZONE,
  );
  return itemsOutside(agenda?.items ?? [], range).map((i) => ({
    id: i.id,
    title: i.title,
    startsAt: i.startsAt.toISOString(),
    endsAt: i.endsAt.toISOString(),
    timeZone: i.timeZone,
  }));
}

/** 400 naming the items: the caller must choose `outsideItems` (keep or cancel). */
export function outsideError(items: readonly OutsideItem[]): AppError {
  return new AppError("validation_failed", {
    messageKey: "dates.choiceRequired",
    details: { fields: { outsideItems: ["dates.choiceRequired"] }, outsideItems: items },
  });
}
