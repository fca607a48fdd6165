// A stand-in for the Rust side in component tests: the client module's shape, with
// behaviour close enough to the core's that the form's logic is really exercised.
import { vi } from "vitest";
import type {
  AidType,
  AppStatus,
  FirstSteps,
  Missing,
  BulkCandidate,
  Campaign,
  Category,
  Delivery,
  DeliveryCheck,
  FundingSource,
  DuplicateHint,
  Drive,
  Family,
  FamilyInput,
  FoundFile,
  ImportBatch,
  LocalBackup,
  FamilySummary,
  IinCheck,
  LetterTemplate,
  Recipient,
  Oblast,
  Place,
  Problem,
  Period,
  OfficeBelow,
  SearchQuery,
} from "../src/lib/api";
import { ProblemError } from "../src/lib/problem";

export const oblasts: Oblast[] = [
  { id: "o-61", iso_code: "KZ-61", names: { kk: "Түркістан облысы", ru: "Туркестанская область" } },
];
export const categories: Category[] = [
  { id: "c-large", code: "large-family", names: { kk: "көпбалалы отбасы", ru: "многодетная семья" } },
  { id: "c-low", code: "low-income", names: { kk: "аз қамтылған отбасы", ru: "малообеспеченная семья" } },
];

export const letterTemplates: LetterTemplate[] = [
  {
    id: "t-campaign",
    seed_code: "gratitude-campaign",
    kind: "gratitude",
    addressee: "dative",
    name_kk: "Акцияға қатысқан еріктіге алғыс хат",
    name_ru: "Благодарность волонтёру за участие в акции",
    title_kk: "АЛҒЫС ХАТ",
    title_ru: "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
    body_kk: "{campaign} акциясына {hours} сағат",
    body_ru: "за участие в акции {campaign} и {hours}",
    position_kk: "",
    position_ru: "",
    signatory: "",
    seal: true,
    archived: false,
    issued: 0,
  },
];

export const aidTypes: AidType[] = [
  { id: "a-basket", code: "food-basket", names: { kk: "азық-түлік себеті", ru: "продуктовая корзина" }, unit: "set", unit_value: 20000, rule: "days", rule_days: 30, active: true },
  { id: "a-coal", code: "coal", names: { kk: "көмір", ru: "уголь" }, unit: "t", unit_value: 30000, rule: "heating-season", rule_days: null, active: true },
  { id: "a-old", code: null, names: { kk: "ескі түр", ru: "старый вид" }, unit: "pcs", unit_value: null, rule: "none", rule_days: null, active: false },
];
export const sources: FundingSource[] = [
  { id: "s-budget", code: "local-budget", kind: "budget", names: { kk: "жергілікті бюджет", ru: "местный бюджет" }, organisation_id: null, budget: null, spent: 0, active: true },
];

/** A delivery as the core returns it. */
export function delivery(extra: Partial<Delivery> = {}): Delivery {
  return {
    id: "d-1",
    family_id: "f-1",
    registry_no: 7,
    head_name: "Оспанова Гүлнар",
    member: null,
    aid_type_id: "a-coal",
    aid_names: { kk: "көмір", ru: "уголь" },
    unit: "t",
    campaign: null,
    funding_source_id: "s-budget",
    funding_source_names: { kk: "жергілікті бюджет", ru: "местный бюджет" },
    on_date: "2026-10-12",
    quantity_milli: 2500,
    value: 75000,
    status: "delivered",
    cancel_reason: null,
    receipt_signed: true,
    rule_override: null,
    notes: null,
    volunteers: [],
    created_at: "2026-10-12T10:00:00.000Z",
    updated_at: "2026-10-12T10:00:00.000Z",
    ...extra,
  };
}

export const places: Place[] = [
  { id: "p-d", level: "district", name: "Сайрам ауданы", kato: null, oblast_id: "o-61", district: null, rural_okrug: null, families: 3 },
  { id: "p-o", level: "rural-okrug", name: "Ақсу а.о.", kato: null, oblast_id: "o-61", district: "Сайрам ауданы", rural_okrug: null, families: 3 },
  { id: "p-v1", level: "village", name: "Қарабұлақ", kato: "511633100", oblast_id: "o-61", district: "Сайрам ауданы", rural_okrug: "Ақсу а.о.", families: 3 },
  { id: "p-v2", level: "village", name: "Аксуу", kato: null, oblast_id: "o-61", district: "Сайрам ауданы", rural_okrug: "Ақсу а.о.", families: 0 },
];

/** Decodes like meirim-core's IIN module for the synthetic numbers the tests use. */
export function fakeCheckIin(iin: string, birthDate: string | null, sex: string | null): IinCheck {
  if (!/^\d*$/.test(iin)) return { error: { field: "iin", code: "iin-not-digits", params: {} }, facts: null };
  if (iin.length !== 12)
    return { error: { field: "iin", code: "iin-length", params: { length: String(iin.length) } }, facts: null };
  if (iin.endsWith("9")) return { error: { field: "iin", code: "iin-checksum", params: {} }, facts: null };
  const century = { "1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000 }[iin[6] ?? ""];
  const warnings: IinCheck["facts"] extends infer F ? (F extends { warnings: infer W } ? W : never) : never = [];
  if (century === undefined) return { error: null, facts: { birth_date: null, sex: null, warnings: ["unknown-century"] } };
  const encodedSex = Number(iin[6]) % 2 === 1 ? "male" : "female";
  const [mm, dd] = [Number(iin.slice(2, 4)), Number(iin.slice(4, 6))];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31)
    return { error: null, facts: { birth_date: null, sex: encodedSex, warnings: ["impossible-date"] } };
  const iso = `${century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  if (birthDate) {
    const [d, m, y] = birthDate.split(".");
    if (`${y}-${m}-${d}` !== iso) warnings.push("birth-date-mismatch");
  }
  if (sex && sex !== encodedSex) warnings.push("sex-mismatch");
  return { error: null, facts: { birth_date: iso, sex: encodedSex, warnings } };
}

export function family(input: FamilyInput, id = "f-1"): Family {
  const members = input.members.map((m, n) => ({
    id: m.id ?? `m-${n + 1}`,
    is_head: m.is_head,
    relation: m.relation ?? null,
    surname: m.surname,
    name: m.name,
    patronymic: m.patronymic ?? null,
    iin: m.iin ?? null,
    birth_date: null,
    sex: m.sex ?? null,
    disability: m.disability ?? null,
    pensioner: m.pensioner,
    student: m.student,
    employment: m.employment ?? null,
    phone: m.phone ?? null,
    age: null,
    iin_facts: m.iin ? fakeCheckIin(m.iin, null, m.sex ?? null).facts : null,
  }));
  return {
    id,
    registry_no: 7,
    members,
    phone: input.phone ?? null,
    address: { oblast: null, district: null, rural_okrug: null, village: null, street: null, house: null, flat: null },
    housing_notes: null,
    income_per_person: null,
    registered_on: "2026-11-23",
    categories: categories.filter((c) => input.category_ids.includes(c.id)),
    notes: input.notes ?? null,
    status: "active",
    status_reason: null,
    status_on: null,
    consent: { status: input.consent.status, date: null, form: null, until: null, recorded_by: null },
    destroyed_at: null,
    merged_into: null,
    derived: { size: members.length, children: 0, suggest_large_family: false },
    created_at: "2026-11-23T10:00:00.000Z",
    updated_at: "2026-11-23T10:00:00.000Z",
  };
}

export function validationError(fields: Problem["fields"]): ProblemError {
  return new ProblemError({ code: "validation", params: {}, fields });
}

export const apiMock = {
  appInfo: vi.fn(),
  setLanguage: vi.fn(async () => null),
  listOblasts: vi.fn(async () => oblasts),
  listCategories: vi.fn(async () => categories),
  checkIin: vi.fn(async (iin: string, b: string | null, s: string | null) => fakeCheckIin(iin, b, s)),
  createFamily: vi.fn(async (input: FamilyInput) => family(input)),
  updateFamily: vi.fn(async (id: string, input: FamilyInput) => family(input, id)),
  getFamily: vi.fn(),
  searchFamilies: vi.fn(async (_query: SearchQuery) => ({ items: [] as FamilySummary[], total: 0, more: false })),
  similarFamilies: vi.fn(async () => [] as DuplicateHint[]),
  listVillages: vi.fn(async () => ["Ақсу", "Қарабұлақ"]),
  suggestPlaces: vi.fn(async () => [] as Place[]),
  setOperator: vi.fn(async (name: string) => name),
  archiveFamily: vi.fn(),
  restoreFamily: vi.fn(),
  destroyFamily: vi.fn(),
  familyHistory: vi.fn(async () => []),
  saveFamilyCard: vi.fn(async (id: string) => `/data/documents/family-card-${id}.pdf`),
  openDocument: vi.fn(async () => null),
  showDocument: vi.fn(async () => null),
  scanDuplicates: vi.fn(async () => []),
  mergeFamilies: vi.fn(),
  dismissDuplicate: vi.fn(async () => null),
  listPlaces: vi.fn(async () => places),
  renamePlace: vi.fn(),
  removePlace: vi.fn(async () => null),
  allCategories: vi.fn(async () => categories.map((category, i) => ({ category, active: true, families: i }))),
  addCategory: vi.fn(),
  renameCategory: vi.fn(),
  setCategoryActive: vi.fn(async () => null),
  shiftCategory: vi.fn(async () => null),
  listAidTypes: vi.fn(async () => aidTypes),
  addAidType: vi.fn(),
  updateAidType: vi.fn(),
  setAidTypeActive: vi.fn(async () => null),
  listFundingSources: vi.fn(async () => sources),
  listCampaigns: vi.fn(async () => [] as Campaign[]),
  familyAid: vi.fn(async () => [] as Delivery[]),
  checkDelivery: vi.fn(async (): Promise<DeliveryCheck> => ({ value: 20000, hits: [] })),
  recordDelivery: vi.fn(),
  updateDelivery: vi.fn(),
  deliverAid: vi.fn(),
  cancelAid: vi.fn(),
  setAidReceipt: vi.fn(),
  createCampaign: vi.fn(),
  updateCampaign: vi.fn(),
  campaignSummary: vi.fn(),
  bulkCandidates: vi.fn(async () => [] as BulkCandidate[]),
  bulkPlan: vi.fn(),
  campaignRound: vi.fn(async () => [] as Delivery[]),
  deliverMany: vi.fn(async () => 0),
  listSignatory: vi.fn(async () => ""),
  saveDistributionList: vi.fn(),
  listVolunteers: vi.fn(async () => []),
  listOrganisations: vi.fn(async () => []),
  createOrganisation: vi.fn(),
  updateOrganisation: vi.fn(),
  createFundingSource: vi.fn(),
  updateFundingSource: vi.fn(),
  getVolunteer: vi.fn(),
  createVolunteer: vi.fn(),
  updateVolunteer: vi.fn(),
  logActivity: vi.fn(),
  listActivities: vi.fn(async () => []),
  presetPeriod: vi.fn(async () => ({ from: "2026-10-01", to: "2026-12-31" })),
  typedPeriod: vi.fn(),
  periodReport: vi.fn(),
  saveReport: vi.fn(),
  removableDrives: vi.fn(async (): Promise<Drive[]> => []),
  dashboard: vi.fn(),
  officeIdentity: vi.fn(),
  setOfficeIdentity: vi.fn(),
  districtFiles: vi.fn(async (): Promise<FoundFile[]> => []),
  chooseDistrictFiles: vi.fn(async (): Promise<FoundFile[]> => []),
  acceptDistrictKey: vi.fn(),
  saveKeyCard: vi.fn(),
  reportPackageName: vi.fn(async () => "report-515230100-2026-10-01-2026-12-31.meirim-report"),
  saveReportPackage: vi.fn(),
  previewPackages: vi.fn(),
  readPackages: vi.fn(),
  districtOffices: vi.fn(async (): Promise<OfficeBelow[]> => []),
  addExpectedOffice: vi.fn(),
  setOfficeExpected: vi.fn(),
  districtPeriods: vi.fn(async (): Promise<Period[]> => []),
  consolidatedReport: vi.fn(),
  saveConsolidated: vi.fn(),
  saveDoublesAnswer: vi.fn(),
  readDoublesAnswer: vi.fn(),
  reportFileName: vi.fn(async () => "report.xlsx"),
  chooseSavePath: vi.fn(async (): Promise<string | null> => null),
  listFileName: vi.fn(async (kind: string, format: string) => `${kind}-2026-11-23.${format}`),
  exportList: vi.fn(),
  cancelExport: vi.fn(async () => {}),
  importSources: vi.fn(async (): Promise<FoundFile[]> => []),
  chooseImportFile: vi.fn(async () => null),
  importOpen: vi.fn(),
  importSheet: vi.fn(),
  importPreview: vi.fn(),
  importApply: vi.fn(),
  cancelImport: vi.fn(async () => {}),
  importSaveRejected: vi.fn(),
  importSaveTemplate: vi.fn(),
  importSaveMapping: vi.fn(),
  importHistory: vi.fn(async (): Promise<ImportBatch[]> => []),
  importUndo: vi.fn(),
  backupsList: vi.fn(async (): Promise<LocalBackup[]> => []),
  watchStatus: vi.fn(async (_onChange: (s: AppStatus) => void): Promise<AppStatus | null> => null),
  backupNow: vi.fn(),
  backupRetention: vi.fn(async () => ({ daily: 7, weekly: 4, monthly: 12 })),
  setBackupRetention: vi.fn(async () => null),
  backupSeal: vi.fn(),
  backupFiles: vi.fn(async (): Promise<FoundFile[]> => []),
  chooseBackupFile: vi.fn(async (): Promise<string | null> => null),
  backupInspect: vi.fn(),
  backupRestore: vi.fn(),
  listLetterTemplates: vi.fn(async () => letterTemplates),
  saveLetterTemplate: vi.fn(),
  setLetterTemplateArchived: vi.fn(async () => null),
  getLetterhead: vi.fn(),
  setLetterhead: vi.fn(),
  setLetterLogo: vi.fn(),
  letterVolunteers: vi.fn(async (): Promise<Recipient[]> => []),
  letterTypedNames: vi.fn(async (_lines: string): Promise<Recipient[]> => []),
  letterRecipientWithSex: vi.fn(),
  letterBatchWarnings: vi.fn(async (_id: string, _layout: string): Promise<Missing[]> => []),
  startupPainted: vi.fn(async () => {}),
  firstSteps: vi.fn(async (): Promise<FirstSteps> => ({ operator: true, letterhead: true, families: 412 })),
  previewLetter: vi.fn(async () => "data:image/svg+xml;base64,PHN2Zy8+"),
  issueLetters: vi.fn(),
  cancelLetterBatch: vi.fn(async () => undefined),
  listIssuedDocuments: vi.fn(async () => []),
  cancelIssuedDocument: vi.fn(),
  reprintDocuments: vi.fn(),
  verifyDocument: vi.fn(),
  authSignIn: vi.fn(),
  authUnlock: vi.fn(),
  authCreateAdministrator: vi.fn(),
  authChangeOwnPassword: vi.fn(),
  authLock: vi.fn(async () => undefined),
  authTouch: vi.fn(async () => undefined),
  accountsList: vi.fn(async () => []),
  accountAdd: vi.fn(),
  accountChange: vi.fn(),
  accountResetPassword: vi.fn(async () => null),
  recoveryKey: vi.fn(),
  setIdleMinutes: vi.fn(async (m: number) => m),
  registryChangeKey: vi.fn(),
};
