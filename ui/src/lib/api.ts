// The one module that talks to the Rust side. Components import from here, never from
// the generated bindings, so a change of transport or of a command touches one file.
import { commands } from "./bindings";
import { Channel } from "@tauri-apps/api/core";
import type {
  Arriving_Serialize,
  OfficeState_Serialize,
  OfficeInput_Deserialize,
  OfficeBelow_Serialize,
  PackageLook_Serialize,
  Consolidated_Serialize,
  AnswerSeen_Serialize,
  DistrictFile,
  KeySource,
  Account,
  AccountChange,
  FirstAdministrator,
  Me,
  NewAccount,
  RecoverySheet,
  Role,
  Gate_Serialize,
  Dashboard,
  ExportDone,
  ListFormat,
  ListKind,
  ListOptions,
  Target,
  ExportProgress_Serialize,
  ExportProgress_Deserialize,
  BatchOptions_Deserialize,
  OfferedDrive,
  Period,
  PeriodReport_Serialize,
  Preset,
  ReportFormat,
  Scope_Deserialize,
  BatchProgress,
  IssuedBatch_Serialize,
  IssuedDocument_Serialize,
  LetterTemplate_Serialize,
  Letterhead_Serialize,
  Letterhead_Deserialize,
  Recipient_Serialize,
  RegisterFilter_Deserialize,
  TemplateInput as TemplateInputBinding,
  Verification_Serialize,
  VolunteerFilter_Deserialize,
  FundingSourceInput_Deserialize,
  OrganisationInput_Deserialize,
  Organisation_Serialize,
  ActivityInput_Deserialize,
  VolunteerActivity_Serialize,
  VolunteerInput_Deserialize,
  Volunteer_Serialize,
  BulkCandidate_Serialize,
  BulkFilter_Deserialize,
  BulkOutcome_Serialize,
  Batch_Serialize,
  Candidate_Serialize,
  Candidate_Deserialize,
  LocalBackup_Serialize,
  Retention,
  RestoreFrom,
  CsvOptions_Deserialize,
  FoundFile_Serialize,
  ImportPreview_Serialize,
  ImportProgress,
  Mapping,
  Choices,
  OpenedFile_Serialize,
  Outcome_Serialize,
  SavedMapping,
  SheetView_Serialize,
  Undone,
  BulkPlan_Deserialize,
  CampaignInput_Deserialize,
  CampaignSummary_Serialize,
  AidTypeInput_Deserialize,
  AidType_Serialize,
  Campaign_Serialize,
  DeliveryCheck_Serialize,
  DeliveryInput_Deserialize,
  Delivery_Serialize,
  FundingSource_Serialize,
  AppInfo_Serialize,
  AppStatus_Deserialize,
  AppStatus_Serialize,
  AuditEntry_Serialize,
  CategoryEntry_Serialize,
  CategoryInput,
  Category_Serialize,
  DuplicateHint,
  DuplicatePair_Serialize,
  FamilyInput_Deserialize,
  FamilyPage_Serialize,
  FamilySummary_Serialize,
  Family_Serialize,
  IinCheck_Serialize,
  Language,
  Member_Serialize,
  Oblast,
  Place_Serialize,
  PlaceLevel,
  Problem,
  SearchQuery_Deserialize,
  Sex,
  FirstSteps,
  Layout as BatchLayout,
  Missing,
} from "./bindings";

export type {
  CategoryCount,
  Dashboard,
  ExportDone,
  ExportPhase,
  ListFormat,
  ListKind,
  ListOptions,
  MonthlySeries,
  Target,
  VillageCount,
  OfferedDrive as Drive,
  Label,
  Measure,
  Period,
  Preset,
  ReportFormat,
  Addressee,
  BatchProgress,
  DocumentKind,
  Doubt,
  Layout,
  FirstSteps,
  Missing,
  VerifyStatus,
  ActivityKind,
  OrganisationKind,
  SourceKind,
  AidUnit,
  CampaignKind,
  AuditAction,
  DeliveryStatus,
  RuleKind,
  ConsentForm,
  ConsentStatus,
  Disability,
  DuplicateHint,
  DuplicateReason,
  Employment,
  ErrorCode,
  FamilyStatus,
  FieldProblem,
  IinWarning,
  Language,
  Oblast,
  PlaceLevel,
  Problem,
  Relation,
  Sex,
  SortBy,
  StatusFilter,
} from "./bindings";
export type AidType = AidType_Serialize;
export type OfficeState = OfficeState_Serialize;
export type OfficeInput = OfficeInput_Deserialize;
export type OfficeBelow = OfficeBelow_Serialize;
export type PackageLook = PackageLook_Serialize;
export type Consolidated = Consolidated_Serialize;
export type AnswerSeen = AnswerSeen_Serialize;
export type Arriving = Arriving_Serialize;
export type { DistrictFile, KeySource, Level, Standing, Office_Serialize as Office, DoubleAid_Serialize as DoubleAid } from "./bindings";
export type ExportProgress = ExportProgress_Serialize;
export type PeriodReport = PeriodReport_Serialize;
export type Scope = Scope_Deserialize;
export type BatchOptions = BatchOptions_Deserialize;
export type IssuedBatch = IssuedBatch_Serialize;
export type IssuedDocument = IssuedDocument_Serialize;
export type LetterTemplate = LetterTemplate_Serialize;
export type Letterhead = Letterhead_Serialize;
export type Recipient = Recipient_Serialize;
export type RegisterFilter = RegisterFilter_Deserialize;
export type TemplateInput = TemplateInputBinding;
export type Verification = Verification_Serialize;
export type VolunteerFilter = VolunteerFilter_Deserialize;
export type FundingSourceInput = FundingSourceInput_Deserialize;
export type Organisation = Organisation_Serialize;
export type OrganisationInput = OrganisationInput_Deserialize;
export type ActivityInput = ActivityInput_Deserialize;
export type Volunteer = Volunteer_Serialize;
export type VolunteerActivity = VolunteerActivity_Serialize;
export type VolunteerInput = VolunteerInput_Deserialize;
export type BulkCandidate = BulkCandidate_Serialize;
export type BulkFilter = BulkFilter_Deserialize;
export type BulkOutcome = BulkOutcome_Serialize;
export type ImportBatch = Batch_Serialize;
export type LocalBackup = LocalBackup_Serialize;
export type RestoreCandidate = Candidate_Serialize;
export type { Contents_Serialize as Contents, Kind as BackupKind, Retention, RestoreFrom } from "./bindings";
export type CsvOptions = CsvOptions_Deserialize;
export type FoundFile = FoundFile_Serialize;
export type ImportPreview = ImportPreview_Serialize;
export type ImportOutcome = Outcome_Serialize;
export type OpenedFile = OpenedFile_Serialize;
export type SheetView = SheetView_Serialize;
export type {
  Choice,
  Choices,
  ColumnOverview_Serialize as ColumnOverview,
  Field,
  Fix,
  FixKind,
  ImportProgress,
  Mapping,
  MatchBy,
  MatchInfo_Serialize as MatchInfo,
  RowIssue_Serialize as RowIssue,
  SavedMapping,
  Severity,
  Undone,
} from "./bindings";
export type BulkPlan = BulkPlan_Deserialize;
export type CampaignInput = CampaignInput_Deserialize;
export type CampaignSummary = CampaignSummary_Serialize;
export type AidTypeInput = AidTypeInput_Deserialize;
export type Campaign = Campaign_Serialize;
export type Delivery = Delivery_Serialize;
export type DeliveryCheck = DeliveryCheck_Serialize;
export type DeliveryInput = DeliveryInput_Deserialize;
export type FundingSource = FundingSource_Serialize;
export type AppInfo = AppInfo_Serialize;
export type AppStatus = AppStatus_Serialize;
export type AuditEntry = AuditEntry_Serialize;
export type Category = Category_Serialize;
export type CategoryEntry = CategoryEntry_Serialize;
export type { CategoryInput };
export type DuplicatePair = DuplicatePair_Serialize;
export type Family = Family_Serialize;
export type FamilyInput = FamilyInput_Deserialize;
export type FamilyPage = FamilyPage_Serialize;
export type FamilySummary = FamilySummary_Serialize;
export type IinCheck = IinCheck_Serialize;
export type Member = Member_Serialize;
export type Place = Place_Serialize;
export type SearchQuery = SearchQuery_Deserialize;

import { ProblemError } from "./problem";

export { ProblemError, asProblem } from "./problem";
export type { Account, AccountChange, Me, NewAccount, RecoverySheet, Role };
export type AuthState = { gate: Gate_Serialize; me: Me | null };

type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: Problem };

let signedOutHook: () => void = () => {};
/** Called when a command is refused because the session is locked or gone (the idle lock
 * on the Rust side): the window shows the lock screen. */
export function onSignedOut(hook: () => void): void {
  signedOutHook = hook;
}

async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const r = await call;
  if (r.status === "error") {
    if (r.error.code === "signed-out") signedOutHook();
    throw new ProblemError(r.error);
  }
  return r.data;
}

export const api = {
  presetPeriod: (preset: Preset, on: string | null): Promise<Period> => unwrap(commands.presetPeriod(preset, on)),
  typedPeriod: (from: string, to: string): Promise<Period> => unwrap(commands.typedPeriod(from, to)),
  periodReport: (period: Period, scope: Scope): Promise<PeriodReport> =>
    unwrap(commands.periodReport(period, scope)),
  dashboard: (): Promise<Dashboard> => unwrap(commands.dashboard()),
  reportFileName: (period: Period, format: ReportFormat): Promise<string> => commands.reportFileName(period, format),
  saveReport: (report: PeriodReport, format: ReportFormat, target: Target): Promise<string> =>
    unwrap(commands.saveReport(report, format, target)),
  removableDrives: (): Promise<OfferedDrive[]> => commands.removableDrives(),
  chooseSavePath: (suggested: string): Promise<string | null> => commands.chooseSavePath(suggested),
  listFileName: (kind: ListKind, format: ListFormat): Promise<string> => commands.listFileName(kind, format),
  exportList: (
    kind: ListKind,
    options: ListOptions,
    format: ListFormat,
    target: Target,
    onProgress: (p: ExportProgress) => void,
  ): Promise<ExportDone> => {
    const channel = new Channel<ExportProgress_Deserialize>();
    channel.onmessage = (p) => onProgress({ ...p, total: p.total ?? null });
    return unwrap(commands.exportList(kind, options, format, target, channel));
  },
  cancelExport: (): Promise<void> => commands.cancelExport(),
  importSources: (): Promise<FoundFile[]> => commands.importSources(),
  chooseImportFile: (): Promise<FoundFile | null> => commands.chooseImportFile(),
  importOpen: (file: string, csv: CsvOptions): Promise<OpenedFile> => unwrap(commands.importOpen(file, csv)),
  importSheet: (sheet: number, headerRow: number | null, saved: string | null): Promise<SheetView> =>
    unwrap(commands.importSheet(sheet, headerRow, saved)),
  importPreview: (sheet: number, mapping: Mapping, choices: Choices, onProgress: (p: ImportProgress) => void): Promise<ImportPreview> => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return unwrap(commands.importPreview(sheet, mapping, choices, channel));
  },
  importApply: (sheet: number, mapping: Mapping, choices: Choices, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return unwrap(commands.importApply(sheet, mapping, choices, channel));
  },
  cancelImport: (): Promise<void> => commands.cancelImport(),
  importSaveRejected: (target: Target): Promise<string> => unwrap(commands.importSaveRejected(target)),
  importSaveTemplate: (target: Target): Promise<string> => unwrap(commands.importSaveTemplate(target)),
  importSaveMapping: (name: string, sheet: number, mapping: Mapping): Promise<SavedMapping[]> =>
    unwrap(commands.importSaveMapping(name, sheet, mapping)),
  importHistory: (): Promise<ImportBatch[]> => unwrap(commands.importHistory()),
  importUndo: (batchId: string): Promise<Undone> => unwrap(commands.importUndo(batchId)),
  backupsList: (): Promise<LocalBackup[]> => unwrap(commands.backupsList()),
  backupNow: (): Promise<LocalBackup> => unwrap(commands.backupNow()),
  backupRetention: (): Promise<Retention> => unwrap(commands.backupRetention()),
  setBackupRetention: (keep: Retention): Promise<null> => unwrap(commands.setBackupRetention(keep)),
  backupSeal: (passphrase: string, target: Target): Promise<string> => unwrap(commands.backupSeal(passphrase, target)),
  backupFiles: (): Promise<FoundFile[]> => commands.backupFiles(),
  chooseBackupFile: (): Promise<FoundFile | null> => commands.chooseBackupFile(),
  backupInspect: (from: RestoreFrom): Promise<RestoreCandidate> => unwrap(commands.backupInspect(from)),
  // What inspect returned goes back as it came: the same JSON either way.
  backupRestore: (candidate: RestoreCandidate): Promise<null> =>
    unwrap(commands.backupRestore(candidate as Candidate_Deserialize)),
  listLetterTemplates: (withArchived: boolean): Promise<LetterTemplate[]> =>
    unwrap(commands.listLetterTemplates(withArchived)),
  saveLetterTemplate: (id: string | null, input: TemplateInput): Promise<LetterTemplate> =>
    unwrap(commands.saveLetterTemplate(id, input)),
  setLetterTemplateArchived: (id: string, archived: boolean): Promise<null> =>
    unwrap(commands.setLetterTemplateArchived(id, archived)),
  getLetterhead: (): Promise<Letterhead> => unwrap(commands.getLetterhead()),
  setLetterhead: (input: Letterhead_Deserialize): Promise<Letterhead> => unwrap(commands.setLetterhead(input)),
  setLetterLogo: (bytes: number[] | null): Promise<Letterhead> => unwrap(commands.setLetterLogo(bytes)),
  letterVolunteers: (filter: VolunteerFilter): Promise<Recipient[]> => unwrap(commands.letterVolunteers(filter)),
  letterTypedNames: (lines: string): Promise<Recipient[]> => unwrap(commands.letterTypedNames(lines)),
  letterRecipientWithSex: (recipient: Recipient, sex: Sex): Promise<Recipient> => commands.letterRecipientWithSex(recipient, sex),
  letterBatchWarnings: (templateId: string, layout: BatchLayout): Promise<Missing[]> => unwrap(commands.letterBatchWarnings(templateId, layout)),
  firstSteps: (): Promise<FirstSteps> => unwrap(commands.firstSteps()),
  startupPainted: (): Promise<void> => commands.startupPainted(),
  previewLetter: (options: BatchOptions, recipient: Recipient): Promise<string> =>
    unwrap(commands.previewLetter(options, recipient)),
  issueLetters: (
    options: BatchOptions,
    recipients: Recipient[],
    onProgress: (p: BatchProgress) => void,
  ): Promise<IssuedBatch> => {
    const channel = new Channel<BatchProgress>();
    channel.onmessage = onProgress;
    return unwrap(commands.issueLetters(options, recipients, channel));
  },
  cancelLetterBatch: (): Promise<void> => commands.cancelLetterBatch(),
  /** The work behind the window now (start-up check, backups), and `onChange` for every later change. */
  watchStatus: (onChange: (s: AppStatus) => void): Promise<AppStatus | null> => {
    const channel = new Channel<AppStatus_Deserialize>();
    channel.onmessage = (s) =>
      onChange({ checking: s.checking, damaged: s.damaged, backup_running: s.backup_running, backup_failure: s.backup_failure ?? null });
    return commands.watchStatus(channel);
  },
  listIssuedDocuments: (filter: RegisterFilter): Promise<IssuedDocument[]> =>
    unwrap(commands.listIssuedDocuments(filter)),
  cancelIssuedDocument: (id: string, reason: string): Promise<IssuedDocument> =>
    unwrap(commands.cancelIssuedDocument(id, reason)),
  reprintDocuments: (ids: string[]): Promise<string> => unwrap(commands.reprintDocuments(ids)),
  verifyDocument: (code: string): Promise<Verification> => unwrap(commands.verifyDocument(code)),
  appInfo: (): Promise<AppInfo> => commands.appInfo(),
  setLanguage: (language: Language): Promise<null> => unwrap(commands.setLanguage(language)),
  authGate: (): Promise<AuthState> => unwrap(commands.authGate()) as Promise<AuthState>,
  authCreateAdministrator: (admin: FirstAdministrator): Promise<RecoverySheet> =>
    unwrap(commands.authCreateAdministrator(admin)),
  authSignIn: (login: string, password: string): Promise<Me> => unwrap(commands.authSignIn(login, password)),
  authRecover: (recoveryKey: string, login: string, password: string, passwordAgain: string): Promise<Me> =>
    unwrap(commands.authRecover(recoveryKey, login, password, passwordAgain)),
  authSignOut: (): Promise<void> => commands.authSignOut().then(() => undefined),
  authLock: (): Promise<void> => commands.authLock().then(() => undefined),
  authTouch: (): Promise<void> => commands.authTouch().then(() => undefined),
  authUnlock: (password: string): Promise<Me> => unwrap(commands.authUnlock(password)),
  authChangeOwnPassword: (password: string, passwordAgain: string): Promise<Me> =>
    unwrap(commands.authChangeOwnPassword(password, passwordAgain)),
  accountsList: (): Promise<Account[]> => unwrap(commands.accountsList()),
  accountAdd: (account: NewAccount): Promise<Account> => unwrap(commands.accountAdd(account)),
  accountChange: (change: AccountChange): Promise<Account> => unwrap(commands.accountChange(change)),
  accountResetPassword: (id: string, password: string): Promise<null> =>
    unwrap(commands.accountResetPassword(id, password)),
  recoveryKey: (): Promise<RecoverySheet> => unwrap(commands.recoveryKey()),
  setIdleMinutes: (minutes: number): Promise<number> => unwrap(commands.setIdleMinutes(minutes)),
  registryChangeKey: (): Promise<RecoverySheet> => unwrap(commands.registryChangeKey()),
  listOblasts: (): Promise<Oblast[]> => unwrap(commands.listOblasts()),
  listCategories: (): Promise<Category[]> => unwrap(commands.listCategories()),
  listVillages: (): Promise<string[]> => unwrap(commands.listVillages()),
  checkIin: (iin: string, birthDate: string | null, sex: Sex | null): Promise<IinCheck> =>
    commands.checkIin(iin, birthDate, sex),
  createFamily: (input: FamilyInput): Promise<Family> => unwrap(commands.createFamily(input)),
  updateFamily: (id: string, input: FamilyInput): Promise<Family> =>
    unwrap(commands.updateFamily(id, input)),
  getFamily: (id: string): Promise<Family> => unwrap(commands.getFamily(id)),
  searchFamilies: (query: SearchQuery): Promise<FamilyPage> => unwrap(commands.searchFamilies(query)),
  similarFamilies: (input: FamilyInput, ownId: string | null): Promise<DuplicateHint[]> =>
    unwrap(commands.similarFamilies(input, ownId)),
  archiveFamily: (id: string, reason: string, date: string | null): Promise<Family> =>
    unwrap(commands.archiveFamily(id, reason, date)),
  restoreFamily: (id: string): Promise<Family> => unwrap(commands.restoreFamily(id)),
  destroyFamily: (id: string, confirmRegistryNo: number): Promise<Family> =>
    unwrap(commands.destroyFamily(id, confirmRegistryNo)),
  familyHistory: (id: string): Promise<AuditEntry[]> => unwrap(commands.familyHistory(id)),
  saveFamilyCard: (id: string): Promise<string> => unwrap(commands.saveFamilyCard(id)),
  openDocument: (path: string): Promise<null> => unwrap(commands.openDocument(path)),
  showDocument: (path: string): Promise<null> => unwrap(commands.showDocument(path)),
  scanDuplicates: (limit: number): Promise<DuplicatePair[]> => unwrap(commands.scanDuplicates(limit)),
  mergeFamilies: (keep: string, absorb: string): Promise<Family> =>
    unwrap(commands.mergeFamilies(keep, absorb)),
  dismissDuplicate: (a: string, b: string): Promise<null> => unwrap(commands.dismissDuplicate(a, b)),
  suggestPlaces: (
    level: PlaceLevel,
    fragment: string,
    district: string | null,
    ruralOkrug: string | null,
  ): Promise<Place[]> => unwrap(commands.suggestPlaces(level, fragment, district, ruralOkrug)),
  listPlaces: (): Promise<Place[]> => unwrap(commands.listPlaces()),
  renamePlace: (id: string, name: string, kato: string | null): Promise<Place> =>
    unwrap(commands.renamePlace(id, name, kato)),
  removePlace: (id: string): Promise<null> => unwrap(commands.removePlace(id)),
  allCategories: (): Promise<CategoryEntry[]> => unwrap(commands.allCategories()),
  addCategory: (input: CategoryInput): Promise<Category> => unwrap(commands.addCategory(input)),
  renameCategory: (id: string, input: CategoryInput): Promise<Category> =>
    unwrap(commands.renameCategory(id, input)),
  setCategoryActive: (id: string, active: boolean): Promise<null> =>
    unwrap(commands.setCategoryActive(id, active)),
  shiftCategory: (id: string, up: boolean): Promise<null> => unwrap(commands.shiftCategory(id, up)),
  listAidTypes: (): Promise<AidType[]> => unwrap(commands.listAidTypes()),
  addAidType: (input: AidTypeInput): Promise<AidType> => unwrap(commands.addAidType(input)),
  updateAidType: (id: string, input: AidTypeInput): Promise<AidType> =>
    unwrap(commands.updateAidType(id, input)),
  setAidTypeActive: (id: string, active: boolean): Promise<null> =>
    unwrap(commands.setAidTypeActive(id, active)),
  listFundingSources: (): Promise<FundingSource[]> => unwrap(commands.listFundingSources()),
  listCampaigns: (): Promise<Campaign[]> => unwrap(commands.listCampaigns()),
  familyAid: (familyId: string): Promise<Delivery[]> => unwrap(commands.familyAid(familyId)),
  checkDelivery: (input: DeliveryInput, except: string | null): Promise<DeliveryCheck> =>
    unwrap(commands.checkDelivery(input, except)),
  recordDelivery: (input: DeliveryInput): Promise<Delivery> => unwrap(commands.recordDelivery(input)),
  updateDelivery: (id: string, input: DeliveryInput): Promise<Delivery> =>
    unwrap(commands.updateDelivery(id, input)),
  deliverAid: (id: string, on: string | null, receiptSigned: boolean): Promise<Delivery> =>
    unwrap(commands.deliverAid(id, on, receiptSigned)),
  cancelAid: (id: string, reason: string): Promise<Delivery> => unwrap(commands.cancelAid(id, reason)),
  setAidReceipt: (id: string, signed: boolean): Promise<Delivery> =>
    unwrap(commands.setAidReceipt(id, signed)),
  createCampaign: (input: CampaignInput): Promise<Campaign> => unwrap(commands.createCampaign(input)),
  updateCampaign: (id: string, input: CampaignInput): Promise<Campaign> =>
    unwrap(commands.updateCampaign(id, input)),
  campaignSummary: (id: string): Promise<CampaignSummary> => unwrap(commands.campaignSummary(id)),
  bulkCandidates: (filter: BulkFilter): Promise<BulkCandidate[]> => unwrap(commands.bulkCandidates(filter)),
  bulkPlan: (plan: BulkPlan): Promise<BulkOutcome> => unwrap(commands.bulkPlan(plan)),
  campaignRound: (campaignId: string, aidTypeId: string | null): Promise<Delivery[]> =>
    unwrap(commands.campaignRound(campaignId, aidTypeId)),
  deliverMany: (ids: string[], on: string | null, receiptSigned: boolean): Promise<number> =>
    unwrap(commands.deliverMany(ids, on, receiptSigned)),
  listSignatory: (): Promise<string> => unwrap(commands.listSignatory()),
  listOrganisations: (): Promise<Organisation[]> => unwrap(commands.listOrganisations()),
  createOrganisation: (input: OrganisationInput): Promise<Organisation> =>
    unwrap(commands.createOrganisation(input)),
  updateOrganisation: (id: string, input: OrganisationInput): Promise<Organisation> =>
    unwrap(commands.updateOrganisation(id, input)),
  createFundingSource: (input: FundingSourceInput): Promise<FundingSource> =>
    unwrap(commands.createFundingSource(input)),
  updateFundingSource: (id: string, input: FundingSourceInput): Promise<FundingSource> =>
    unwrap(commands.updateFundingSource(id, input)),
  listVolunteers: (text: string): Promise<Volunteer[]> => unwrap(commands.listVolunteers(text)),
  getVolunteer: (id: string): Promise<Volunteer> => unwrap(commands.getVolunteer(id)),
  createVolunteer: (input: VolunteerInput): Promise<Volunteer> => unwrap(commands.createVolunteer(input)),
  updateVolunteer: (id: string, input: VolunteerInput): Promise<Volunteer> =>
    unwrap(commands.updateVolunteer(id, input)),
  logActivity: (input: ActivityInput): Promise<VolunteerActivity> => unwrap(commands.logActivity(input)),
  listActivities: (volunteerId: string | null, campaignId: string | null): Promise<VolunteerActivity[]> =>
    unwrap(commands.listActivities(volunteerId, campaignId)),
  saveDistributionList: (
    campaignId: string,
    aidTypeId: string | null,
    fullIin: boolean,
    signatory: string,
    target: Target,
  ): Promise<string> => unwrap(commands.saveDistributionList(campaignId, aidTypeId, fullIin, signatory, target)),
  officeIdentity: (): Promise<OfficeState> => unwrap(commands.officeIdentity()),
  setOfficeIdentity: (input: OfficeInput): Promise<OfficeState> => unwrap(commands.setOfficeIdentity(input)),
  districtFiles: (kind: DistrictFile): Promise<FoundFile[]> => commands.districtFiles(kind),
  chooseDistrictFiles: (kind: DistrictFile): Promise<FoundFile[]> => commands.chooseDistrictFiles(kind),
  acceptDistrictKey: (source: KeySource): Promise<OfficeState> => unwrap(commands.acceptDistrictKey(source)),
  saveKeyCard: (target: Target): Promise<string> => unwrap(commands.saveKeyCard(target)),
  reportPackageName: (period: Period): Promise<string> => unwrap(commands.reportPackageName(period)),
  saveReportPackage: (period: Period, target: Target): Promise<string> => unwrap(commands.saveReportPackage(period, target)),
  previewPackages: (files: string[]): Promise<PackageLook[]> => unwrap(commands.previewPackages(files)),
  readPackages: (files: string[], addOffices: string[]): Promise<PackageLook[]> =>
    unwrap(commands.readPackages(files, addOffices)),
  districtOffices: (): Promise<OfficeBelow[]> => unwrap(commands.districtOffices()),
  addExpectedOffice: (input: OfficeInput): Promise<OfficeBelow> => unwrap(commands.addExpectedOffice(input)),
  setOfficeExpected: (id: string, expected: boolean): Promise<null> => unwrap(commands.setOfficeExpected(id, expected)),
  districtPeriods: (): Promise<Period[]> => unwrap(commands.districtPeriods()),
  consolidatedReport: (period: Period): Promise<Consolidated> => unwrap(commands.consolidatedReport(period)),
  saveConsolidated: (period: Period, format: ReportFormat, target: Target): Promise<string> =>
    unwrap(commands.saveConsolidated(period, format, target)),
  saveDoublesAnswer: (period: Period, target: Target): Promise<string> => unwrap(commands.saveDoublesAnswer(period, target)),
  readDoublesAnswer: (file: string): Promise<AnswerSeen> => unwrap(commands.readDoublesAnswer(file)),
  transferFamily: (familyId: string, reason: string, passphrase: string, target: Target): Promise<string> =>
    unwrap(commands.transferFamily(familyId, reason, passphrase, target)),
  transferFiles: (): Promise<FoundFile[]> => commands.transferFiles(),
  chooseTransferFile: (): Promise<FoundFile | null> => commands.chooseTransferFile(),
  transferPreview: (file: string, passphrase: string): Promise<Arriving> => unwrap(commands.transferPreview(file, passphrase)),
  transferReceive: (file: string, passphrase: string, into: string | null): Promise<string> =>
    unwrap(commands.transferReceive(file, passphrase, into)),
};
