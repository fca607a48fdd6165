// The UI's messages: the same Fluent files as the CLI and documents (assets/locales).
// `t()` reads the reactive current language, so every label re-renders on a switch.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import kkSource from "$assets/locales/kk/meirim.ftl?raw";
import ruSource from "$assets/locales/ru/meirim.ftl?raw";
import type { FieldProblem, Language, Problem } from "./api";

function bundle(locale: Language, source: string): FluentBundle {
  // No Unicode isolation marks: the texts are left-to-right and tests compare them.
  const b = new FluentBundle(locale, { useIsolating: false });
  const errors = b.addResource(new FluentResource(source));
  if (errors.length) console.error(`Fluent errors in ${locale}`, errors);
  return b;
}

const sources: Record<Language, string> = { kk: kkSource, ru: ruSource };
// Parsed when first needed: most offices never switch, and a parsed bundle of some 1 300
// messages is memory the other language does not need to hold.
const bundles: Partial<Record<Language, FluentBundle>> = {};

function bundleFor(lang: Language): FluentBundle {
  return (bundles[lang] ??= bundle(lang, sources[lang]));
}

const state = $state<{ language: Language }>({ language: "kk" });

export function language(): Language {
  return state.language;
}

export function setLanguage(lang: Language): void {
  state.language = lang;
  document.documentElement.lang = lang;
}

export type Args = Record<string, FluentVariable>;

export function t(id: string, args?: Args): string {
  const b = bundleFor(state.language);
  const message = b.getMessage(id);
  if (!message?.value) return id;
  return b.formatPattern(message.value, args ?? null);
}

/** Picks the name in the current language from a `{ kk, ru }` pair. */
export function pick(names: { kk: string; ru: string }): string {
  return names[state.language];
}

/** A campaign's name in the current language: its Russian name, when it has one, in Russian. */
export function campaignName(c: { name: string; name_ru?: string | null }): string {
  return state.language === "ru" && c.name_ru ? c.name_ru : c.name;
}

/** Problem parameters arrive as text; `count` becomes a number so plurals are chosen
 * (the same rule as crates/meirim-i18n). */
export function problemText(p: Problem | FieldProblem): string {
  const args: Args = { ...(p.params as Record<string, string>) };
  const count = Number(args["count"]);
  if (args["count"] !== undefined && Number.isInteger(count)) args["count"] = count;
  return t(`error-${p.code}`, args);
}

export function hasMessage(lang: Language, id: string): boolean {
  return bundleFor(lang).hasMessage(id);
}
