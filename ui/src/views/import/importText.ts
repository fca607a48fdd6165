// Pure helpers of the import wizard: the fields a column can feed, what is wrong with a
// mapping before it is sent, and an issue as the one line the user reads.
import type { Field, Mapping, RowIssue } from "../../lib/api";
import { problemText, t } from "../../lib/i18n.svelte";

export const FIELDS: Field[] = [
  "family-key",
  "full-name",
  "surname",
  "name",
  "patronymic",
  "iin",
  "birth-date",
  "sex",
  "relation",
  "phone",
  "village",
  "street",
  "house",
  "flat",
  "address",
  "categories",
  "registered-on",
  "notes",
];

/** Fields chosen for more than one column. */
export function repeatedFields(mapping: Mapping): Field[] {
  const seen = new Set<Field>();
  const twice = new Set<Field>();
  for (const f of mapping.columns) {
    if (!f) continue;
    if (seen.has(f)) twice.add(f);
    seen.add(f);
  }
  return [...twice];
}

/** A person needs a name: one full-name column, or surname and name. */
export function nameMapped(mapping: Mapping): boolean {
  const has = (f: Field) => mapping.columns.includes(f);
  return has("full-name") || (has("surname") && has("name"));
}

/** How the rows will be grouped into families, for the hint under the mapping. */
export function shape(mapping: Mapping): "key" | "relation" | "row" {
  if (mapping.columns.includes("family-key")) return "key";
  if (mapping.columns.includes("relation")) return "relation";
  return "row";
}

/** «12-жол, D бағаны («ЖСН»): …» */
export function issueText(issue: RowIssue): string {
  const message = problemText({ code: issue.code, params: issue.params, fields: [] });
  return issue.column
    ? t("import-issue-at", { row: String(issue.row), column: issue.column, header: issue.header ?? "", message })
    : t("import-issue-row", { row: String(issue.row), message });
}
