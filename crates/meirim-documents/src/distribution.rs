//! The distribution list (тізімдеме / ведомость) of a round of aid: one row per delivery
//! with the recipient, IIN (masked unless asked), address, what and how much, its value
//! and a box for the recipient's signature; totals and the signatory block at the end.

use chrono::NaiveDate;
use meirim_core::aid::Delivery;
use meirim_core::campaigns::Campaign;
use meirim_core::family::Family;
use meirim_core::settings::Language;
use meirim_core::{date, money};
use meirim_i18n::Localizer;
use serde::{Deserialize, Serialize};

use crate::page::{Weight, Writer, INK, MARGIN, MUTED, PAGE_W, TEAL};
use crate::table::{Col, Sizes, Table};
use crate::DocumentError;

/// How the list is printed, chosen in the print dialog.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListOptions {
    /// Full IINs; otherwise only the last four digits show.
    pub full_iin: bool,
    /// «Бөлім басшысы А.Б. Серіков», printed under the signature line.
    pub signatory: String,
}

/// A delivery with the family it went to.
pub struct ListRow<'a> {
    pub delivery: &'a Delivery,
    pub family: &'a Family,
}

/// «********0176»: enough to match a person against their ID card, not enough to reuse.
pub fn masked_iin(iin: &str) -> String {
    let n = iin.chars().count();
    let keep: String = iin.chars().skip(n.saturating_sub(4)).collect();
    format!("{}{keep}", "*".repeat(n.saturating_sub(4)))
}

/// «Ақсу, Абай көшесі, 12-үй».
fn address(f: &Family, l: &Localizer) -> String {
    [f.address.village.clone(), Some(street_line(&f.address, l))]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// «Абай көшесі, 12-үй, 3-пәтер», the house and flat in the document's language.
pub(crate) fn street_line(a: &meirim_core::family::Address, l: &Localizer) -> String {
    [
        a.street.clone(),
        a.house
            .as_ref()
            .map(|h| l.text("address-house", &[("n", h.as_str().into())])),
        a.flat
            .as_ref()
            .map(|h| l.text("address-flat", &[("n", h.as_str().into())])),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The list as PDF bytes; `office` (its letterhead's name in `lang`) heads it.
pub fn distribution_list(
    campaign: &Campaign,
    rows: &[ListRow<'_>],
    office: &str,
    lang: Language,
    printed_on: NaiveDate,
    options: &ListOptions,
) -> Result<Vec<u8>, DocumentError> {
    let l = Localizer::new(lang)?;
    let t = |id: &str| l.text(id, &[]);
    let title = t("list-title");
    let footer = l.text(
        "list-footer",
        &[
            ("campaign", campaign.name_in(lang).into()),
            ("date", date::display(printed_on).into()),
        ],
    );
    let mut w = Writer::new(&title, &footer)?;
    let width = PAGE_W - 2.0 * MARGIN;
    if !office.is_empty() {
        w.centred(office, 10.0, Weight::Bold, INK);
        w.y += 6.0;
    }
    w.centred(&title, 14.0, Weight::Bold, TEAL);
    w.y += 8.0;
    let names = |d: &Delivery| d.aid_names.pick(lang).to_owned();
    // Each aid type once, in the order first met (rows come sorted by name, not type).
    let mut kinds: Vec<String> = Vec::new();
    for r in rows {
        let name = names(r.delivery);
        if !kinds.contains(&name) {
            kinds.push(name);
        }
    }
    let days: Vec<NaiveDate> = rows.iter().map(|r| r.delivery.on_date).collect();
    let period = match (days.iter().min(), days.iter().max()) {
        (Some(a), Some(b)) if a == b => date::display(*a),
        (Some(a), Some(b)) => format!("{} – {}", date::display(*a), date::display(*b)),
        _ => String::new(),
    };
    for (label, value) in [
        ("field-campaign", campaign.name_in(lang).to_owned()),
        ("field-aid-type", kinds.join("; ")),
        ("field-aid-date", period),
    ] {
        let line = format!("{}: {value}", t(label));
        w.paragraph(MARGIN, &line, 9.5, Weight::Regular, width);
    }
    w.y += 3.0;

    let headers: Vec<String> = [
        "№",
        "list-col-recipient",
        "col-iin",
        "col-address",
        "col-quantity",
        "col-value",
        "list-col-signature",
    ]
    .iter()
    .map(|k| if *k == "№" { "№".to_owned() } else { t(k) })
    .collect();
    let mut total_value: i64 = 0;
    let lines: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let d = r.delivery;
            total_value += i64::from(d.value);
            let member = d
                .member
                .as_ref()
                .and_then(|m| r.family.members.iter().find(|x| x.id == m.id));
            let person = member.or_else(|| r.family.head());
            let name = person.map(|m| m.full_name()).unwrap_or_default();
            let iin = person
                .and_then(|m| m.iin.clone())
                .map(|i| if options.full_iin { i } else { masked_iin(&i) })
                .unwrap_or_default();
            vec![
                (i + 1).to_string(),
                format!("{name} (№{})", r.family.registry_no),
                iin,
                address(r.family, &l),
                format!(
                    "{}\u{a0}{}",
                    money::display_quantity(i64::from(d.quantity_milli)),
                    t(d.unit.message_id())
                ),
                money::display_tenge(i64::from(d.value)),
                String::new(),
            ]
        })
        .collect();
    // The number, IIN, quantity and value as wide as they need; the name and address share
    // the rest; the signature box keeps room for a hand.
    let cols = [
        Col::Number,
        Col::Text(0.55),
        Col::Number,
        Col::Text(0.45),
        Col::Number,
        Col::Number,
        Col::Fixed(26.0),
    ];
    let table = Table::fit(
        &w,
        &cols,
        &headers,
        &lines,
        width,
        Sizes {
            size: 9.0,
            min_size: 7.5,
            min_text: 30.0,
        },
    );
    let header = |w: &mut Writer| {
        table.header(w, &headers, MUTED);
        w.rule(MARGIN, PAGE_W - MARGIN, MUTED, 0.4);
        w.y += 1.2;
    };
    header(&mut w);
    // Room for a handwritten signature, however short the text.
    const MIN_ROW: f32 = 9.0;
    for cells in &lines {
        let h = table.height(&w, cells).max(MIN_ROW);
        if !w.fits(h + 1.5) {
            w.new_page();
            header(&mut w);
        }
        let top = w.y;
        table.row(&mut w, cells, Weight::Regular, INK);
        w.y = top + h;
        w.rule(MARGIN, PAGE_W - MARGIN, (0.8, 0.82, 0.85), 0.3);
        w.y += 1.2;
    }
    w.y += 2.0;
    w.ensure(40.0);
    let total = l.text(
        "list-total",
        &[
            ("count", (rows.len() as i64).into()),
            ("value", money::display_tenge(total_value).into()),
        ],
    );
    w.paragraph(MARGIN, &total, 10.0, Weight::Bold, width);
    w.y += 8.0;
    let signed = format!(
        "{} ____________________  {}",
        t("list-issued-by"),
        options.signatory
    );
    w.paragraph(MARGIN, signed.trim_end(), 10.0, Weight::Regular, width);
    w.y += 6.0;
    let dated = format!("{} «____» ______________ 20____", t("col-date"));
    w.paragraph(MARGIN, &dated, 10.0, Weight::Regular, width);
    w.y += 4.0;
    let printed = l.text(
        "card-printed",
        &[("date", date::display(printed_on).into())],
    );
    w.text_at(MARGIN, &printed, 8.5, Weight::Regular, MUTED);
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::masked_iin;

    #[test]
    fn iins_are_masked_to_their_last_four_digits() {
        assert_eq!(masked_iin("840702400176"), "********0176");
        assert_eq!(masked_iin("123"), "123");
    }
}
