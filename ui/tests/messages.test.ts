// Every message id the UI uses must exist in both languages, and no component may carry a
// hard-coded user-visible string in its markup.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasMessage } from "../src/lib/i18n.svelte";

const src = join(__dirname, "..", "src");
const svelteFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith(".svelte") ? [join(dir, e.name)] : [],
  );

describe("messages", () => {
  const files = svelteFiles(src);

  it("finds the components", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it("every literal t() id exists in Kazakh and Russian", () => {
    const ids = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(/\bt\("([a-z0-9-]+)"/g)) ids.add(m[1] as string);
    }
    expect(ids.size).toBeGreaterThan(40);
    const missing = [...ids].filter((id) => !hasMessage("kk", id) || !hasMessage("ru", id));
    expect(missing).toEqual([]);
  });

  it("no Cyrillic text is hard-coded in a component", () => {
    for (const f of files) {
      const markup = readFileSync(f, "utf8").replace(/<script[\s\S]*?<\/script>/g, "");
      expect(markup.match(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+/g) ?? [], f).toEqual([]);
    }
  });

  it("every value of the enums the UI names by prefix has its message", () => {
    const bindings = readFileSync(join(src, "lib", "bindings.ts"), "utf8");
    const values = (name: string): string[] => {
      // The union runs to the first ";" and may carry doc comments between its members.
      const m = new RegExp(`export type ${name} = ([^;]+);`).exec(bindings);
      expect(m, name).not.toBeNull();
      const union = (m?.[1] ?? "").replace(/\/\*[\s\S]*?\*\//g, "");
      return [...union.matchAll(/"([^"]+)"/g)].map((v) => v[1] as string);
    };
    const prefixes: Record<string, string[]> = {
      ActivityKind: ["activity-"],
      CampaignKind: ["campaign-kind-"],
      AidUnit: ["unit-", "unit-name-"],
      RuleKind: ["rule-kind-"],
      DeliveryStatus: ["delivery-status-"],
      OrganisationKind: ["org-kind-"],
      SourceKind: ["source-kind-"],
      ErrorCode: ["error-"],
      DocumentKind: ["document-kind-"],
      Doubt: ["doubt-"],
      VerifyStatus: ["verify-status-"],
      Layout: ["letters-layout-"],
      Addressee: ["template-addressee-"],
      Preset: ["report-preset-"],
      ReportFormat: ["report-save-"],
    };
    const missing: string[] = [];
    for (const [type, ps] of Object.entries(prefixes)) {
      for (const v of values(type)) {
        for (const p of ps) {
          if (!hasMessage("kk", p + v) || !hasMessage("ru", p + v)) missing.push(p + v);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("the letters screens' own prefixed ids exist in both languages", () => {
    const ids = [
      ...["batch", "register", "verify", "templates"].map((x) => `letters-tab-${x}`),
      ...["recipient", "campaign", "deed", "period", "hours"].map((x) => `placeholder-${x}`),
    ];
    expect(ids.filter((id) => !hasMessage("kk", id) || !hasMessage("ru", id))).toEqual([]);
  });
});
