// Words for aid shared by the aid screens: the frequency rule of a type, a quantity with
// its unit.
import type { AidType, AidUnit } from "../../lib/api";
import { displayQuantity } from "../../lib/format";
import { t } from "../../lib/i18n.svelte";

export function ruleText(aid: Pick<AidType, "rule" | "rule_days">): string {
  return aid.rule === "days" ? t("rule-days", { days: aid.rule_days ?? 0 }) : t(`rule-${aid.rule}`);
}

export function quantityText(milli: number, unit: AidUnit): string {
  return `${displayQuantity(milli)}\u00a0${t(`unit-${unit}`)}`;
}
