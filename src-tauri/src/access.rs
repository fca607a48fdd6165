//! Who may call which command. Every call from the window passes `admit` before the command
//! runs (the invoke handler in lib.rs), so a role is enforced in Rust whatever the window
//! shows or a script in it tries; a command missing from the table is refused.

use meirim_core::accounts::Permission;
use meirim_core::{ErrorCode, Problem};

use crate::state::AppState;

/// What a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Nothing: the sign-in screen's own commands and what the window needs before it.
    Nobody,
    /// A signed-in, unlocked account whose role allows this.
    Account(Permission),
}

use Need::{Account, Nobody};
use Permission::{Administer, Edit, PersonalData, Read};

/// Every command the window may call, and what it needs.
pub const TABLE: &[(&str, Need)] = &[
    // Before sign-in.
    ("app_info", Nobody),
    ("set_language", Nobody),
    ("startup_painted", Nobody),
    ("watch_status", Nobody),
    ("auth_gate", Nobody),
    ("auth_create_administrator", Nobody),
    ("auth_sign_in", Nobody),
    ("auth_recover", Nobody),
    ("auth_sign_out", Nobody),
    ("auth_lock", Nobody),
    ("auth_unlock", Nobody),
    ("auth_touch", Nobody),
    // Reading the registry on screen, and reports of totals.
    ("auth_me", Account(Read)),
    ("auth_change_own_password", Account(Read)),
    ("list_oblasts", Account(Read)),
    ("list_categories", Account(Read)),
    ("check_iin", Account(Read)),
    ("get_family", Account(Read)),
    ("search_families", Account(Read)),
    ("similar_families", Account(Read)),
    ("list_villages", Account(Read)),
    ("family_history", Account(Read)),
    ("suggest_places", Account(Read)),
    ("list_places", Account(Read)),
    ("all_categories", Account(Read)),
    ("list_aid_types", Account(Read)),
    ("list_funding_sources", Account(Read)),
    ("list_campaigns", Account(Read)),
    ("family_aid", Account(Read)),
    ("check_delivery", Account(Read)),
    ("campaign_summary", Account(Read)),
    ("list_signatory", Account(Read)),
    ("list_volunteers", Account(Read)),
    ("get_volunteer", Account(Read)),
    ("list_activities", Account(Read)),
    ("list_organisations", Account(Read)),
    ("list_letter_templates", Account(Read)),
    ("get_letterhead", Account(Read)),
    ("first_steps", Account(Read)),
    ("list_issued_documents", Account(Read)),
    ("verify_document", Account(Read)),
    ("preset_period", Account(Read)),
    ("typed_period", Account(Read)),
    // The district roll-up.
    ("office_identity", Account(Read)),
    ("set_office_identity", Account(Administer)),
    ("district_files", Account(Read)),
    ("choose_district_files", Account(Read)),
    ("accept_district_key", Account(Administer)),
    ("save_key_card", Account(Administer)),
    ("report_package_name", Account(Read)),
    ("save_report_package", Account(Read)),
    ("preview_packages", Account(Edit)),
    ("read_packages", Account(Edit)),
    ("district_offices", Account(Read)),
    ("add_expected_office", Account(Administer)),
    ("set_office_expected", Account(Administer)),
    ("district_periods", Account(Read)),
    ("consolidated_report", Account(Read)),
    ("save_consolidated", Account(Read)),
    ("save_doubles_answer", Account(Read)),
    ("read_doubles_answer", Account(Read)),
    // A family moving between offices: personal data across the border.
    ("transfer_family", Account(PersonalData)),
    ("transfer_files", Account(PersonalData)),
    ("choose_transfer_file", Account(PersonalData)),
    ("transfer_preview", Account(PersonalData)),
    ("transfer_receive", Account(PersonalData)),
    ("period_report", Account(Read)),
    ("dashboard", Account(Read)),
    ("report_file_name", Account(Read)),
    ("save_report", Account(Read)),
    ("removable_drives", Account(Read)),
    ("choose_save_path", Account(Read)),
    ("list_file_name", Account(Read)),
    ("scan_duplicates", Account(Read)),
    ("import_history", Account(Read)),
    ("backups_list", Account(Read)),
    ("backup_retention", Account(Read)),
    ("cancel_export", Account(Read)),
    ("cancel_import", Account(Read)),
    ("cancel_letter_batch", Account(Read)),
    // Files and printouts that list people.
    ("save_family_card", Account(PersonalData)),
    ("open_document", Account(PersonalData)),
    ("show_document", Account(PersonalData)),
    ("save_distribution_list", Account(PersonalData)),
    ("export_list", Account(PersonalData)),
    ("letter_volunteers", Account(PersonalData)),
    ("letter_typed_names", Account(PersonalData)),
    ("letter_recipient_with_sex", Account(PersonalData)),
    ("letter_batch_warnings", Account(PersonalData)),
    ("preview_letter", Account(PersonalData)),
    ("issue_letters", Account(PersonalData)),
    ("reprint_documents", Account(PersonalData)),
    ("backup_seal", Account(PersonalData)),
    ("import_save_rejected", Account(PersonalData)),
    ("campaign_round", Account(PersonalData)),
    ("bulk_candidates", Account(PersonalData)),
    // Changing the registry.
    ("create_family", Account(Edit)),
    ("update_family", Account(Edit)),
    ("archive_family", Account(Edit)),
    ("restore_family", Account(Edit)),
    ("merge_families", Account(Edit)),
    ("dismiss_duplicate", Account(Edit)),
    ("rename_place", Account(Edit)),
    ("remove_place", Account(Edit)),
    ("add_category", Account(Edit)),
    ("rename_category", Account(Edit)),
    ("set_category_active", Account(Edit)),
    ("shift_category", Account(Edit)),
    ("add_aid_type", Account(Edit)),
    ("update_aid_type", Account(Edit)),
    ("set_aid_type_active", Account(Edit)),
    ("record_delivery", Account(Edit)),
    ("update_delivery", Account(Edit)),
    ("deliver_aid", Account(Edit)),
    ("cancel_aid", Account(Edit)),
    ("set_aid_receipt", Account(Edit)),
    ("create_campaign", Account(Edit)),
    ("update_campaign", Account(Edit)),
    ("bulk_plan", Account(Edit)),
    ("deliver_many", Account(Edit)),
    ("create_volunteer", Account(Edit)),
    ("update_volunteer", Account(Edit)),
    ("log_activity", Account(Edit)),
    ("create_organisation", Account(Edit)),
    ("update_organisation", Account(Edit)),
    ("create_funding_source", Account(Edit)),
    ("update_funding_source", Account(Edit)),
    ("save_letter_template", Account(Edit)),
    ("set_letter_template_archived", Account(Edit)),
    ("cancel_issued_document", Account(Edit)),
    ("import_sources", Account(Edit)),
    ("choose_import_file", Account(Edit)),
    ("import_open", Account(Edit)),
    ("import_sheet", Account(Edit)),
    ("import_preview", Account(Edit)),
    ("import_apply", Account(Edit)),
    ("import_save_template", Account(Edit)),
    ("import_save_mapping", Account(Edit)),
    ("import_undo", Account(Edit)),
    ("backup_now", Account(Edit)),
    // The administrator's.
    ("destroy_family", Account(Administer)),
    ("set_letterhead", Account(Administer)),
    ("set_letter_logo", Account(Administer)),
    ("set_backup_retention", Account(Administer)),
    ("backup_files", Account(Administer)),
    ("choose_backup_file", Account(Administer)),
    ("backup_inspect", Account(Administer)),
    ("backup_restore", Account(Administer)),
    ("accounts_list", Account(Administer)),
    ("account_add", Account(Administer)),
    ("account_change", Account(Administer)),
    ("account_reset_password", Account(Administer)),
    ("recovery_key", Account(Administer)),
    ("set_idle_minutes", Account(Administer)),
    ("registry_change_key", Account(Administer)),
];

pub fn need(command: &str) -> Option<Need> {
    TABLE.iter().find(|(c, _)| *c == command).map(|(_, n)| *n)
}

/// What the restore screen of a registry that will not open needs.
const RESTORE: &[&str] = &[
    "backups_list",
    "backup_files",
    "choose_backup_file",
    "backup_inspect",
    "backup_restore",
];

/// Whether the window may run `command` now.
pub fn admit(state: &AppState, command: &str) -> Result<(), Problem> {
    if RESTORE.contains(&command) && state.restore_is_the_way() {
        return Ok(());
    }
    match need(command) {
        None => Err(Problem::new(ErrorCode::NotAllowed).with("command", command)),
        Some(Nobody) => Ok(()),
        Some(Account(permission)) => state.require(permission),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use meirim_core::accounts::{self, Cost, NewAccount, Role};
    use meirim_core::Check;

    use super::*;

    /// The commands the bindings expose, by their IPC names.
    fn commands() -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bindings.ts");
        crate::commands::specta_builder()
            .export(specta_typescript::Typescript::default(), &path)
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        text.split("__TAURI_INVOKE")
            .skip(2)
            .filter_map(|c| c.split("(\"").nth(1)?.split('"').next().map(str::to_owned))
            .collect()
    }

    /// The office's policy, written out once more by hand: what a viewer may do (read and
    /// print reports of totals) and what only the administrator may.
    const VIEWER_MAY: &[&str] = &[
        "office_identity",
        "district_files",
        "choose_district_files",
        "report_package_name",
        "save_report_package",
        "district_offices",
        "district_periods",
        "consolidated_report",
        "save_consolidated",
        "save_doubles_answer",
        "read_doubles_answer",
        "auth_me",
        "auth_change_own_password",
        "list_oblasts",
        "list_categories",
        "check_iin",
        "get_family",
        "search_families",
        "similar_families",
        "list_villages",
        "family_history",
        "suggest_places",
        "list_places",
        "all_categories",
        "list_aid_types",
        "list_funding_sources",
        "list_campaigns",
        "family_aid",
        "check_delivery",
        "campaign_summary",
        "list_signatory",
        "list_volunteers",
        "get_volunteer",
        "list_activities",
        "list_organisations",
        "list_letter_templates",
        "get_letterhead",
        "first_steps",
        "list_issued_documents",
        "verify_document",
        "preset_period",
        "typed_period",
        "period_report",
        "dashboard",
        "report_file_name",
        "save_report",
        "removable_drives",
        "choose_save_path",
        "list_file_name",
        "scan_duplicates",
        "import_history",
        "backups_list",
        "backup_retention",
        "cancel_export",
        "cancel_import",
        "cancel_letter_batch",
    ];
    const ADMINISTRATOR_ONLY: &[&str] = &[
        "set_office_identity",
        "accept_district_key",
        "save_key_card",
        "add_expected_office",
        "set_office_expected",
        "destroy_family",
        "set_letterhead",
        "set_letter_logo",
        "set_backup_retention",
        "backup_files",
        "choose_backup_file",
        "backup_inspect",
        "backup_restore",
        "accounts_list",
        "account_add",
        "account_change",
        "account_reset_password",
        "recovery_key",
        "set_idle_minutes",
        "registry_change_key",
    ];
    const BEFORE_SIGN_IN: &[&str] = &[
        "app_info",
        "set_language",
        "startup_painted",
        "watch_status",
        "auth_gate",
        "auth_create_administrator",
        "auth_sign_in",
        "auth_recover",
        "auth_sign_out",
        "auth_lock",
        "auth_unlock",
        "auth_touch",
    ];

    fn expected(role: Option<Role>, command: &str) -> Result<(), ErrorCode> {
        if BEFORE_SIGN_IN.contains(&command) {
            return Ok(());
        }
        let Some(role) = role else {
            return Err(ErrorCode::SignedOut);
        };
        let allowed = match role {
            Role::Administrator => true,
            Role::Operator => !ADMINISTRATOR_ONLY.contains(&command),
            Role::Viewer => VIEWER_MAY.contains(&command),
        };
        if allowed {
            Ok(())
        } else {
            Err(ErrorCode::NotAllowed)
        }
    }

    #[test]
    fn every_command_has_a_rule_and_no_rule_lacks_a_command() {
        let names = commands();
        assert!(names.len() > 120, "{}", names.len());
        for name in &names {
            assert!(
                need(name).is_some(),
                "{name} has no rule: it would be refused"
            );
        }
        for (name, _) in TABLE {
            assert!(names.iter().any(|n| n == name), "{name} is not a command");
        }
        assert_eq!(need("no_such_command"), None);
    }

    #[test]
    fn every_command_under_every_role_is_refused_or_admitted_as_the_office_expects() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(Some(dir.path()));
        let names = commands();
        let check = |role: Option<Role>| {
            for name in &names {
                let got = admit(&state, name).map_err(|p| p.code);
                assert_eq!(got, expected(role, name), "{name} as {role:?}");
            }
        };
        check(None);

        let fast = Cost::FAST_FOR_TESTS;
        let admin = NewAccount {
            login: "admin".into(),
            full_name: "Әкімші".into(),
            role: Role::Administrator,
            password: "әкімші-пароль".into(),
        };
        let (mut signed, _) =
            accounts::create_administrator(dir.path(), &admin, fast, Check::Now).unwrap();
        let by = signed.account.clone();
        for (login, role) in [("operator", Role::Operator), ("viewer", Role::Viewer)] {
            let new = NewAccount {
                login: login.into(),
                full_name: login.into(),
                role,
                password: format!("{login}-пароль"),
            };
            accounts::add(&mut signed.db, dir.path(), &by, &new, fast).unwrap();
        }
        drop(signed);
        for (login, role) in [
            ("admin", Role::Administrator),
            ("operator", Role::Operator),
            ("viewer", Role::Viewer),
        ] {
            let password = if login == "admin" {
                "әкімші-пароль".to_owned()
            } else {
                format!("{login}-пароль")
            };
            let now = meirim_core::clock::now_utc();
            let signed = accounts::sign_in(dir.path(), login, &password, now, Check::Now).unwrap();
            state.signed_in(signed, Duration::from_secs(600)).unwrap();
            check(Some(role));
            // Locked by the idle lock: as if nobody were signed in.
            state.lock();
            check(None);
            state.sign_out();
            check(None);
        }
        // A session idle past the office's limit locks itself.
        let now = meirim_core::clock::now_utc();
        let signed =
            accounts::sign_in(dir.path(), "admin", "әкімші-пароль", now, Check::Now).unwrap();
        state.signed_in(signed, Duration::from_millis(1)).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(
            admit(&state, "search_families").map_err(|p| p.code),
            Err(ErrorCode::SignedOut)
        );
        state.close();
    }
}
