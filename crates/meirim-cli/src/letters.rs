//! `meirim-cli letters …`: a campaign's volunteers' letters from a ready template.

use std::path::PathBuf;

use clap::Args;
use meirim_core::problem::{ErrorCode, Problem};
use meirim_core::{campaigns, date};
use meirim_documents::{Layout, Signing};

use crate::families::print_json;
use crate::output::say;
use crate::Ctx;

#[derive(Args)]
pub struct LettersArgs {
    /// gratitude-campaign, gratitude-deed, gratitude-sponsor, diploma-campaign,
    /// diploma-volunteer, certificate-hours, certificate-campaign.
    #[arg(long)]
    template: String,
    /// Campaign: id or name. Its volunteers with logged hours get a page each.
    #[arg(long)]
    campaign: String,
    #[arg(long)]
    out: PathBuf,
    /// kk, ru or both (Kazakh above Russian).
    #[arg(long, default_value = "kk")]
    layout: String,
    #[arg(long, default_value = "")]
    position_kk: String,
    #[arg(long, default_value = "")]
    position_ru: String,
    /// «А.Б. Серіков».
    #[arg(long, default_value = "")]
    signatory: String,
    /// Print «М.О.» / «М.П.» for the seal.
    #[arg(long)]
    seal: bool,
    #[arg(long, default_value = "")]
    place_kk: String,
    #[arg(long, default_value = "")]
    place_ru: String,
    /// The letters' date (default today).
    #[arg(long)]
    date: Option<String>,
    #[arg(long, default_value = "")]
    deed_kk: String,
    #[arg(long, default_value = "")]
    deed_ru: String,
}

pub fn run(ctx: &mut Ctx, a: LettersArgs) -> Result<(), Problem> {
    let layout = match a.layout.as_str() {
        "kk" => Layout::Kk,
        "ru" => Layout::Ru,
        "both" => Layout::Bilingual,
        other => {
            return Err(Problem::new(ErrorCode::InvalidChoice)
                .with("value", other)
                .with("allowed", "kk, ru, both"))
        }
    };
    let campaign = campaigns::find(ctx.db.conn(), &a.campaign)?
        .ok_or_else(|| Problem::new(ErrorCode::NotFound).with("id", &a.campaign))?;
    let on = match a.date.as_deref() {
        Some(raw) => date::parse(raw)
            .ok_or_else(|| Problem::new(ErrorCode::InvalidDate).with("value", raw))?,
        None => chrono::Local::now().date_naive(),
    };
    let office = meirim_core::settings::office_name(ctx.db.conn()).map_err(Problem::from)?;
    let signing = Signing {
        office_kk: office.clone(),
        office_ru: office,
        position_kk: a.position_kk,
        position_ru: a.position_ru,
        name: a.signatory,
        seal: a.seal,
        place_kk: a.place_kk,
        place_ru: a.place_ru,
        on,
        deed_kk: a.deed_kk,
        deed_ru: a.deed_ru,
    };
    let (path, count) = meirim_documents::save_campaign_letters(
        &ctx.db,
        &campaign.id,
        &a.template,
        layout,
        &signing,
        &a.out,
    )?;
    if ctx.json {
        return print_json(&serde_json::json!({ "path": path, "letters": count }));
    }
    say(ctx.l10n.text(
        "letters-saved",
        &[
            ("count", (count as i64).into()),
            ("path", path.display().to_string().into()),
        ],
    ));
    Ok(())
}
