//! Reading office lists: XLSX with a merged title above the header and an IIN that Excel
//! turned into a number; CSV in Windows-1251 with semicolons, UTF-8 with a BOM and commas,
//! tabs; files that are not lists at all.

#![allow(clippy::unwrap_used)]

use meirim_exchange::import::{
    find_header, read, suggest, Cell, CsvOptions, Delimiter, Field, FileFormat, ImportError,
    TextEncoding,
};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn messy_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Тізім").unwrap();
    let title = Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 4, "Аз қамтылған отбасылар тізімі, 2026 ж.", &title)
        .unwrap();
    sheet.write_string(1, 0, "Ақсу ауылдық округі").unwrap();
    for (c, h) in ["№", "Т.А.Ә.", "ЖСН (ИИН)", "Туған күні", "Мекенжай"]
        .iter()
        .enumerate()
    {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    sheet.write_number(4, 0, 1).unwrap();
    sheet
        .write_string(4, 1, "Серікова Әсел Бауыржанқызы")
        .unwrap();
    // Typed as a number: Excel dropped the leading zero of 050315500011.
    sheet.write_number(4, 2, 50_315_500_011.0).unwrap();
    let born = ExcelDateTime::from_ymd(2005, 3, 15).unwrap();
    sheet
        .write_datetime_with_format(4, 3, &born, &Format::new().set_num_format("dd.mm.yyyy"))
        .unwrap();
    sheet.write_string(4, 4, "Ақсу а., Абай к., 12").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_with_a_title_block_reads_with_its_header_numbers_and_dates() {
    let source = read(&messy_xlsx(), &CsvOptions::default()).unwrap();
    assert_eq!(source.kind, FileFormat::Xlsx);
    let sheet = &source.sheets[0];
    assert_eq!(sheet.name, "Тізім");
    assert_eq!(sheet.first_row, 1);
    let header = find_header(&sheet.rows).unwrap();
    assert_eq!(
        header, 3,
        "the title, the okrug line and the blank row are skipped"
    );
    let row = &sheet.rows[header + 1];
    assert_eq!(row[2], Cell::Number(50_315_500_011.0));
    assert_eq!(row[2].text(), "50315500011");
    // 15.03.2005 is day 38 426 after 30.12.1899.
    assert_eq!(row[3], Cell::DateSerial(38_426.0));
    let fields: Vec<Option<Field>> = sheet.rows[header]
        .iter()
        .map(|c| suggest(&c.text()))
        .collect();
    assert_eq!(
        fields,
        vec![
            None,
            Some(Field::FullName),
            Some(Field::Iin),
            Some(Field::BirthDate),
            Some(Field::Address)
        ]
    );
}

#[test]
fn csv_in_windows_1251_with_semicolons_is_detected() {
    let text = "Список семей\r\nФИО;ИИН;Дата рождения;Телефон;Категория\r\n\
                Волкова Ірина Петровна;850101400123;06.12.1985;8 701 234 56 78;многодетная семья\r\n";
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!lossy);
    let source = read(&bytes, &CsvOptions::default()).unwrap();
    assert_eq!(
        source.kind,
        FileFormat::Csv {
            encoding: TextEncoding::Windows1251,
            delimiter: Delimiter::Semicolon
        }
    );
    let rows = &source.sheets[0].rows;
    let header = find_header(rows).unwrap();
    assert_eq!(header, 1);
    assert_eq!(rows[2][0], Cell::Text("Волкова Ірина Петровна".into()));
    assert_eq!(rows[2][1].text(), "850101400123", "IINs from CSV stay text");
}

#[test]
fn utf8_with_bom_and_commas_tabs_and_an_override() {
    let text = "\u{feff}Тегі,Аты,Әкесінің аты,ЖСН\n\"Серікова\",Әсел,\"Бауыржанқызы, кіші\",050315500011\n";
    let source = read(text.as_bytes(), &CsvOptions::default()).unwrap();
    assert_eq!(
        source.kind,
        FileFormat::Csv {
            encoding: TextEncoding::Utf8,
            delimiter: Delimiter::Comma
        }
    );
    assert_eq!(
        source.sheets[0].rows[0][0],
        Cell::Text("Тегі".into()),
        "no BOM in the first header"
    );
    assert_eq!(
        source.sheets[0].rows[1][2],
        Cell::Text("Бауыржанқызы, кіші".into())
    );

    let tabs = "Тегі\tАты\tЖСН\nСерікова\tӘсел\t050315500011\n";
    let source = read(tabs.as_bytes(), &CsvOptions::default()).unwrap();
    assert!(matches!(
        source.kind,
        FileFormat::Csv {
            delimiter: Delimiter::Tab,
            ..
        }
    ));
    assert_eq!(source.sheets[0].rows[1].len(), 3);

    // The guess overridden: read as semicolons, the comma line stays one field.
    let forced = CsvOptions {
        encoding: None,
        delimiter: Some(Delimiter::Semicolon),
    };
    let source = read(text.as_bytes(), &forced).unwrap();
    assert_eq!(source.sheets[0].rows[0].len(), 1);
}

#[test]
fn files_that_are_not_lists_say_so() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    assert_eq!(
        read(png, &CsvOptions::default()).unwrap_err(),
        ImportError::NotSpreadsheet
    );
    assert_eq!(
        read(b"", &CsvOptions::default()).unwrap_err(),
        ImportError::Empty
    );
    assert_eq!(
        read(b" \r\n ", &CsvOptions::default()).unwrap_err(),
        ImportError::Empty
    );
    assert_eq!(
        read(b";;;\n;;\n", &CsvOptions::default()).unwrap_err(),
        ImportError::Empty
    );
    // A cut-off workbook (the stick was pulled while copying).
    let xlsx = messy_xlsx();
    let cut = &xlsx[..xlsx.len() / 2];
    assert!(matches!(
        read(cut, &CsvOptions::default()).unwrap_err(),
        ImportError::Damaged(_)
    ));
}

#[test]
fn headers_are_recognised_in_kazakh_russian_and_english() {
    for (header, field) in [
        ("Т.А.Ә.", Field::FullName),
        ("ФИО", Field::FullName),
        ("Аты-жөні", Field::FullName),
        ("ЖСН", Field::Iin),
        ("ИИН", Field::Iin),
        ("IIN", Field::Iin),
        ("Мекенжайы", Field::Address),
        ("Адрес", Field::Address),
        ("Телефон", Field::Phone),
        ("Санаты", Field::Categories),
        ("Категория", Field::Categories),
        ("Фамилия", Field::Surname),
        ("Әкесінің аты", Field::Patronymic),
        ("Дата рождения", Field::BirthDate),
        ("№ семьи", Field::FamilyKey),
        ("Елді мекен", Field::Village),
    ] {
        assert_eq!(suggest(header), Some(field), "{header}");
    }
    assert_eq!(suggest("Ескі баған"), None);
    assert_eq!(suggest(""), None);
}
