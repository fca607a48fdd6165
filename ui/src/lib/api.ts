// The one module that talks to the Rust side. Components import from here, never from
// the generated bindings, so a change of transport or of a command touches one file.
import { commands } from "./bindings";
import type {
  AppInfo_Serialize,
  Category_Serialize,
  FamilyInput_Deserialize,
  FamilyPage_Serialize,
  Family_Serialize,
  IinCheck_Serialize,
  Language,
  Oblast,
  Problem,
  SearchQuery,
  Sex,
} from "./bindings";

export type { ErrorCode, FieldProblem, IinWarning, Language, Oblast, Problem, Sex } from "./bindings";
export type AppInfo = AppInfo_Serialize;
export type Category = Category_Serialize;
export type Family = Family_Serialize;
export type FamilyInput = FamilyInput_Deserialize;
export type FamilyPage = FamilyPage_Serialize;
export type IinCheck = IinCheck_Serialize;

import { ProblemError } from "./problem";

export { ProblemError, asProblem } from "./problem";

type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: Problem };

async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const r = await call;
  if (r.status === "error") throw new ProblemError(r.error);
  return r.data;
}

export const api = {
  appInfo: (): Promise<AppInfo> => commands.appInfo(),
  setLanguage: (language: Language): Promise<null> => unwrap(commands.setLanguage(language)),
  listOblasts: (): Promise<Oblast[]> => unwrap(commands.listOblasts()),
  listCategories: (): Promise<Category[]> => unwrap(commands.listCategories()),
  checkIin: (iin: string, birthDate: string | null, sex: Sex | null): Promise<IinCheck> =>
    commands.checkIin(iin, birthDate, sex),
  createFamily: (input: FamilyInput): Promise<Family> => unwrap(commands.createFamily(input)),
  updateFamily: (id: string, input: FamilyInput): Promise<Family> =>
    unwrap(commands.updateFamily(id, input)),
  getFamily: (id: string): Promise<Family> => unwrap(commands.getFamily(id)),
  searchFamilies: (query: SearchQuery): Promise<FamilyPage> => unwrap(commands.searchFamilies(query)),
};
