/// Every app command. Listing them makes Tauri generate `allow-*` permissions and refuse any
/// command that a capability in capabilities/ does not grant.
const COMMANDS: &[&str] = &[
    "app_info",
    "set_language",
    "list_oblasts",
    "list_categories",
    "check_iin",
    "create_family",
    "update_family",
    "get_family",
    "search_families",
    "set_operator",
    "similar_families",
    "list_villages",
    "archive_family",
    "restore_family",
    "destroy_family",
    "family_history",
    "save_family_card",
    "open_document",
    "show_document",
    "scan_duplicates",
    "merge_families",
    "dismiss_duplicate",
    "suggest_places",
    "list_places",
    "rename_place",
    "remove_place",
    "all_categories",
    "add_category",
    "rename_category",
    "set_category_active",
    "shift_category",
    "list_aid_types",
    "add_aid_type",
    "update_aid_type",
    "set_aid_type_active",
    "list_funding_sources",
    "list_campaigns",
    "family_aid",
    "check_delivery",
    "record_delivery",
    "update_delivery",
    "deliver_aid",
    "cancel_aid",
    "set_aid_receipt",
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attrs) {
        panic!("tauri build step failed: {e:#}");
    }
}
