//! The family card for the paper file: profile, members, categories, consent and the aid
//! history section, in the office's language.

use chrono::NaiveDate;
use meirim_core::aid::{Delivery, DeliveryStatus};
use meirim_core::family::{Family, Member};
use meirim_core::settings::Language;
use meirim_core::{date, money};
use meirim_i18n::Localizer;

use crate::distribution::street_line;
use crate::page::{Weight, Writer, INK, MARGIN, MUTED, PAGE_W, TEAL};
use crate::DocumentError;

const BODY: f32 = 9.5;
const LABEL_W: f32 = 52.0;

fn code<T: serde_like::Code>(v: T) -> String {
    v.code()
}

/// The enums' stored spelling, which is also the suffix of their Fluent message ids.
mod serde_like {
    pub trait Code {
        fn code(&self) -> String;
    }
    impl<T: serde::Serialize> Code for T {
        fn code(&self) -> String {
            match serde_json::to_value(self) {
                Ok(serde_json::Value::String(s)) => s,
                _ => String::new(),
            }
        }
    }
}

/// 1234567 → "1 234 567" with no-break spaces, as the domain guide prints money.
struct Card<'a> {
    w: Writer,
    l: &'a Localizer,
    lang: Language,
}

impl Card<'_> {
    fn t(&self, id: &str) -> String {
        self.l.text(id, &[])
    }

    fn heading(&mut self, text: &str) {
        self.w.ensure(14.0);
        self.w.y += 3.0;
        self.w.text_at(MARGIN, text, 11.0, Weight::Bold, TEAL);
        self.w.y += 5.5;
        self.w.rule(MARGIN, PAGE_W - MARGIN, TEAL, 0.6);
        self.w.y += 2.5;
    }

    /// A label and its value; the value wraps in the right-hand column.
    fn row(&mut self, label_id: &str, value: Option<String>) {
        let value = value
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| self.t("value-missing"));
        let label = self.t(label_id);
        let max = PAGE_W - 2.0 * MARGIN - LABEL_W;
        let lines = self.w.wrap(&value, BODY, Weight::Regular, max);
        let line_h = BODY * 0.3528 * 1.45;
        self.w.ensure(line_h * lines.len() as f32);
        self.w
            .text_at(MARGIN, &label, BODY - 0.5, Weight::Regular, MUTED);
        for line in lines {
            self.w
                .text_at(MARGIN + LABEL_W, &line, BODY, Weight::Regular, INK);
            self.w.y += line_h;
        }
        self.w.y += 0.6;
    }

    fn name(&self, n: &meirim_core::reference::Names) -> String {
        n.pick(self.lang).to_owned()
    }

    fn members(&mut self, members: &[Member]) {
        let widths = [8.0, 58.0, 27.0, 27.0, 27.0, PAGE_W - 2.0 * MARGIN - 147.0];
        let headers = [
            "№".to_owned(),
            self.t("col-name"),
            self.t("field-relation"),
            self.t("col-iin"),
            self.t("col-birth-date"),
            self.t("col-notes"),
        ];
        let rows: Vec<[String; 6]> = members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let relation = if m.is_head {
                    self.t("member-head")
                } else {
                    m.relation
                        .map(|r| self.t(&format!("relation-{}", code(r))))
                        .unwrap_or_default()
                };
                let born = match (m.birth_date, m.age) {
                    (Some(d), Some(age)) => format!(
                        "{} ({})",
                        date::display(d),
                        self.l.text("member-age", &[("age", age.into())])
                    ),
                    (Some(d), None) => date::display(d),
                    _ => String::new(),
                };
                let mut flags = Vec::new();
                if let Some(d) = m.disability {
                    flags.push(self.t(&format!("disability-{}", code(d))));
                }
                if m.pensioner {
                    flags.push(self.t("flag-pensioner"));
                }
                if m.student {
                    flags.push(self.t("flag-student"));
                }
                if let Some(e) = m.employment {
                    flags.push(self.t(&format!("employment-{}", code(e))));
                }
                if let Some(p) = &m.phone {
                    flags.push(meirim_core::phone::display(p));
                }
                [
                    (i + 1).to_string(),
                    m.full_name(),
                    relation,
                    m.iin.clone().unwrap_or_default(),
                    born,
                    flags.join(", "),
                ]
            })
            .collect();
        self.w
            .table_row(&headers, &widths, Weight::Bold, MUTED, 8.5);
        self.w.rule(MARGIN, PAGE_W - MARGIN, MUTED, 0.4);
        self.w.y += 1.2;
        for r in &rows {
            self.w.table_row(r, &widths, Weight::Regular, INK, 9.0);
            self.w.rule(MARGIN, PAGE_W - MARGIN, (0.85, 0.87, 0.9), 0.3);
            self.w.y += 1.2;
        }
    }

    /// The aid history, oldest first as a paper file reads, with the delivered total.
    fn aid(&mut self, aid: &[Delivery]) {
        let widths = [8.0, 22.0, 50.0, 24.0, 26.0, PAGE_W - 2.0 * MARGIN - 130.0];
        let headers = [
            "№".to_owned(),
            self.t("col-date"),
            self.t("col-aid"),
            self.t("col-quantity"),
            self.t("col-value"),
            self.t("col-status"),
        ];
        self.w
            .table_row(&headers, &widths, Weight::Bold, MUTED, 8.5);
        self.w.rule(MARGIN, PAGE_W - MARGIN, MUTED, 0.4);
        self.w.y += 1.2;
        for (i, d) in aid.iter().rev().enumerate() {
            let mut what = self.name(&d.aid_names);
            if let Some(m) = &d.member {
                what.push_str(&format!(" ({})", m.name));
            }
            if let Some(c) = &d.campaign {
                what.push_str(&format!(" · {}", c.name));
            }
            if let Some(reason) = &d.rule_override {
                let note = self
                    .l
                    .text("aid-override", &[("reason", reason.as_str().into())]);
                what.push_str(&format!(" · {note}"));
            }
            let mut status = self.t(&format!("delivery-status-{}", code(d.status)));
            if d.receipt_signed {
                status.push_str(&format!(", {}", self.t("aid-receipt")));
            }
            if let Some(s) = &d.funding_source_names {
                status.push_str(&format!(" · {}", self.name(s)));
            }
            let row = [
                (i + 1).to_string(),
                date::display(d.on_date),
                what,
                format!(
                    "{}\u{a0}{}",
                    money::display_quantity(i64::from(d.quantity_milli)),
                    self.t(d.unit.message_id())
                ),
                money::display_tenge(i64::from(d.value)),
                status,
            ];
            self.w.table_row(&row, &widths, Weight::Regular, INK, 9.0);
            self.w.rule(MARGIN, PAGE_W - MARGIN, (0.85, 0.87, 0.9), 0.3);
            self.w.y += 1.2;
        }
        let total: i64 = aid
            .iter()
            .filter(|d| d.status == DeliveryStatus::Delivered)
            .map(|d| i64::from(d.value))
            .sum();
        self.w.y += 1.5;
        let line = self.l.text(
            "aid-total",
            &[("value", money::display_tenge(total).into())],
        );
        self.w.ensure(6.0);
        self.w.text_at(MARGIN, &line, BODY, Weight::Bold, INK);
        self.w.y += 5.0;
    }
}

/// The card of `f` as PDF bytes, in `lang`, dated `printed_on`.
pub fn family_card(
    f: &Family,
    aid: &[Delivery],
    lang: Language,
    printed_on: NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let l = Localizer::new(lang)?;
    let no = ("no", f.registry_no.to_string().into());
    let title = l.text("card-title", std::slice::from_ref(&no));
    let footer = l.text(
        "card-footer",
        &[no, ("date", date::display(printed_on).into())],
    );
    let mut c = Card {
        w: Writer::new(&title, &footer)?,
        l: &l,
        lang,
    };
    c.w.text_at(MARGIN, &title, 16.0, Weight::Bold, TEAL);
    c.w.y += 8.0;
    let head = f.head().map(Member::full_name).unwrap_or_default();
    let heading = if f.destroyed_at.is_some() {
        c.t("detail-destroyed-title")
    } else {
        head
    };
    c.w.paragraph(MARGIN, &heading, 13.0, Weight::Bold, PAGE_W - 2.0 * MARGIN);
    let status = c.t(&format!("status-{}", code(f.status)));
    let consent = c.t(&format!("consent-{}", code(f.consent.status)));
    let state = format!("{status} · {consent}");
    c.w.text_at(MARGIN, &state, 9.0, Weight::Regular, MUTED);
    c.w.y += 5.0;

    c.heading(&c.t("section-family"));
    c.row("field-registered-on", f.registered_on.map(date::display));
    if let Some(reason) = &f.status_reason {
        let on = f.status_on.map(date::display).unwrap_or_default();
        c.row(
            "audit-field-status-reason",
            Some(format!("{reason} ({on})")),
        );
    }
    c.row("detail-size", Some(f.derived.size.to_string()));
    c.row("detail-children", Some(f.derived.children.to_string()));
    let income = f
        .income_per_person
        .map(|n| meirim_core::money::display_tenge(i64::from(n)));
    c.row("field-income", income);
    c.row("field-housing-notes", f.housing_notes.clone());

    c.heading(&c.t("section-contacts"));
    let a = &f.address;
    let oblast = a.oblast.as_ref().map(|o| c.name(&o.names));
    c.row("field-oblast", oblast);
    c.row("field-district", a.district.clone());
    c.row("field-rural-okrug", a.rural_okrug.clone());
    c.row("field-village", a.village.clone());
    c.row("field-street", Some(street_line(a, &l)));
    c.row(
        "field-family-phone",
        f.phone.as_deref().map(meirim_core::phone::display),
    );

    if f.destroyed_at.is_none() {
        c.heading(&c.t("section-members"));
        c.members(&f.members);
    }

    c.heading(&c.t("section-categories"));
    let categories = f
        .categories
        .iter()
        .map(|k| c.name(&k.names))
        .collect::<Vec<_>>();
    let text = if categories.is_empty() {
        c.t("detail-no-categories")
    } else {
        categories.join("; ")
    };
    c.w.paragraph(MARGIN, &text, BODY, Weight::Regular, PAGE_W - 2.0 * MARGIN);

    c.heading(&c.t("section-consent"));
    c.row("field-consent-status", Some(consent));
    if f.consent.date.is_some() {
        c.row("field-consent-date", f.consent.date.map(date::display));
        let form = f
            .consent
            .form
            .map(|x| c.t(&format!("consent-form-{}", code(x))));
        c.row("field-consent-form", form);
        let until = f
            .consent
            .until
            .map(date::display)
            .unwrap_or_else(|| c.t("consent-until-purpose"));
        c.row("field-consent-until", Some(until));
        c.row("field-consent-by", f.consent.recorded_by.clone());
    }

    if let Some(notes) = &f.notes {
        c.heading(&c.t("section-notes"));
        c.w.paragraph(MARGIN, notes, BODY, Weight::Regular, PAGE_W - 2.0 * MARGIN);
    }

    c.heading(&c.t("section-aid-history"));
    if aid.is_empty() {
        let empty = c.t("aid-history-empty");
        c.w.paragraph(MARGIN, &empty, BODY, Weight::Regular, PAGE_W - 2.0 * MARGIN);
    } else {
        c.aid(aid);
    }

    c.w.y += 6.0;
    c.w.ensure(5.0);
    let printed = l.text(
        "card-printed",
        &[("date", date::display(printed_on).into())],
    );
    c.w.text_at(MARGIN, &printed, 9.0, Weight::Regular, MUTED);
    let sign = c.t("card-signature");
    c.w.text_at(PAGE_W / 2.0, &sign, 9.0, Weight::Regular, MUTED);
    Ok(c.w.finish())
}
