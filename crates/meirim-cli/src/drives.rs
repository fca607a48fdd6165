//! `meirim-cli drives`: the USB sticks plugged in now, the same list the app offers when
//! saving a report, an export or an encrypted backup.

use meirim_core::Problem;
use meirim_i18n::Localizer;

use crate::families::print_json;
use crate::output::{say, table};

pub fn run(l10n: &Localizer, json: bool) -> Result<(), Problem> {
    let drives = meirim_exchange::removable();
    if json {
        return print_json(&drives);
    }
    if drives.is_empty() {
        say(l10n.text("cli-drives-none", &[]));
        return Ok(());
    }
    let gb = |bytes: u64| {
        // One decimal is what a user compares with the stick's label (8 GB, 16 GB).
        let value = format!("{:.1}", bytes as f64 / 1e9);
        l10n.text("cli-drives-gb", &[("value", value.into())])
    };
    let headers = [
        l10n.text("cli-drives-col-path", &[]),
        l10n.text("cli-drives-col-name", &[]),
        l10n.text("cli-drives-col-free", &[]),
        l10n.text("cli-drives-col-size", &[]),
    ];
    let rows: Vec<Vec<String>> = drives
        .iter()
        .map(|d| {
            vec![
                d.mount_point.clone(),
                d.name.clone(),
                gb(d.free_bytes),
                gb(d.total_bytes),
            ]
        })
        .collect();
    say(table(&headers, &rows));
    Ok(())
}
