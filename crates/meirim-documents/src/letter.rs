//! Gratitude letters, honorary diplomas and certificates: one A4 page per person, in
//! Kazakh, Russian, or both (Kazakh above Russian), set in Noto Serif inside a frame.
//! Justified body text is laid out word by word from the font's own advances.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::page::{Image, Weight, Writer, INK, MUTED, PAGE_H, PAGE_W, SERIF};
use crate::DocumentError;

const FRAME: f32 = 10.0;
const DARK_RED: (f32, f32, f32) = (0.55, 0.1, 0.12);

pub use meirim_core::letters::page::{LetterPage, LetterSide};

/// Characters the serif fonts cannot print in any of the pages' texts (checked before
/// drawing: a missing glyph would silently print as nothing).
pub fn missing_glyphs(pages: &[LetterPage]) -> Result<Vec<char>, DocumentError> {
    Ok(missing_in(&Writer::with_fonts("", "", &SERIF)?, pages))
}

fn missing_in(w: &Writer, pages: &[LetterPage]) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for s in pages.iter().flat_map(|p| &p.sides) {
        let texts = [
            s.header.join(" "),
            s.title.clone(),
            s.addressee.clone(),
            s.salutation.clone(),
            s.body.clone(),
            s.signatory_position.clone(),
            s.signatory_name.clone(),
            s.seal.clone(),
            s.place_date.clone(),
        ];
        for t in texts {
            for weight in [Weight::Regular, Weight::Bold] {
                for c in w.missing(&t, weight) {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
        }
    }
    out
}

/// Lines of a justified paragraph: every line but the last is spread to `max` mm by
/// placing its words one by one.
fn justified(w: &mut Writer, x: f32, text: &str, size: f32, max: f32) {
    let line_h = size * 0.3528 * 1.5;
    for paragraph in text.split('\n') {
        let lines = w.wrap(paragraph, size, Weight::Regular, max);
        let count = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let words: Vec<&str> = line.split(' ').filter(|s| !s.is_empty()).collect();
            let last = i + 1 == count;
            if last || words.len() < 2 {
                w.text_at(x, line, size, Weight::Regular, INK);
            } else {
                w.spread_at(x, &words, size, Weight::Regular, max);
            }
            w.y += line_h;
        }
    }
}

fn centred_lines(w: &mut Writer, text: &str, size: f32, weight: Weight, color: (f32, f32, f32)) {
    let max = PAGE_W - 2.0 * (FRAME + 14.0);
    for line in w.wrap(text, size, weight, max) {
        w.centred(&line, size, weight, color);
        w.y += size * 0.3528 * 1.4;
    }
}

/// One side's text, from the cursor down; `scale` shrinks it for a bilingual page.
fn side(w: &mut Writer, s: &LetterSide, scale: f32) {
    let x = FRAME + 16.0;
    let width = PAGE_W - 2.0 * x;
    for line in &s.header {
        centred_lines(w, line, 11.0 * scale, Weight::Bold, INK);
    }
    w.y += 10.0 * scale;
    centred_lines(w, &s.title, 28.0 * scale, Weight::Bold, DARK_RED);
    w.y += 8.0 * scale;
    if !s.addressee.is_empty() {
        centred_lines(w, &s.addressee, 15.0 * scale, Weight::Bold, INK);
        w.y += 4.0 * scale;
    }
    if !s.salutation.is_empty() {
        centred_lines(w, &s.salutation, 14.0 * scale, Weight::Italic, INK);
        w.y += 3.0 * scale;
    }
    justified(w, x, &s.body, 12.5 * scale, width);
    w.y += 12.0 * scale;
    let size = 12.0 * scale;
    w.text_at(x, &s.signatory_position, size, Weight::Bold, INK);
    let name_w = w.width(&s.signatory_name, size, Weight::Bold);
    w.text_at(
        x + width - name_w,
        &s.signatory_name,
        size,
        Weight::Bold,
        INK,
    );
    w.y += size * 0.3528 * 1.6;
    if !s.seal.is_empty() {
        w.text_at(x + width / 2.0, &s.seal, size, Weight::Regular, MUTED);
        w.y += size * 0.3528 * 1.6;
    }
    w.y += 3.0 * scale;
    w.text_at(x, &s.place_date, 10.5 * scale, Weight::Regular, INK);
    w.y += 10.5 * scale * 0.3528 * 1.6;
}

/// Pages drawn and written together: a batch of thousands holds a few parts' drawing at a
/// time, not all of it (a part adds its own font subsets, ~0.1 KiB a page; parts of 125
/// were no faster on two cores and 5 % larger).
const PART: usize = 250;

/// The letters as one PDF, a page per person; refused if a character has no glyph.
/// `progress` hears of each page drawn and stops the work by returning false.
pub fn letters(
    pages: &[LetterPage],
    title: &str,
    logo: Option<&[u8]>,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<u8>, DocumentError> {
    let missing = missing_in(&Writer::with_fonts(title, "", &SERIF)?, pages);
    if !missing.is_empty() {
        return Err(DocumentError::GlyphsMissing(missing.into_iter().collect()));
    }
    let chunks: Vec<&[LetterPage]> = pages.chunks(PART).collect();
    // Parts are drawn and written on every core; this thread reports progress (the caller's
    // callback stays on its own thread) and passes a cancel on to the workers.
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let made: Mutex<Vec<Option<Result<lopdf::Document, DocumentError>>>> =
        Mutex::new((0..chunks.len()).map(|_| None).collect());
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let workers = cores.clamp(1, 4).min(chunks.len()).max(1);
    let part = |chunk: &[LetterPage]| -> Result<lopdf::Document, DocumentError> {
        let mut w = Writer::with_fonts(title, "", &SERIF)?;
        // The image goes into each part once, however many of its pages show it.
        let logo = match logo {
            Some(bytes) if chunk.iter().any(|p| p.logo) => Some(w.add_image(bytes)?),
            _ => None,
        };
        for (i, page) in chunk.iter().enumerate() {
            if stop.load(Ordering::Relaxed) {
                return Err(DocumentError::Cancelled);
            }
            if i > 0 {
                w.new_page();
            }
            draw(&mut w, page, logo.as_ref().filter(|_| page.logo))?;
            done.fetch_add(1, Ordering::Relaxed);
        }
        Ok(w.finish_document())
    };
    let mut told = 0;
    std::thread::scope(|scope| {
        let mut running = Vec::with_capacity(workers);
        for _ in 0..workers {
            running.push(scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(chunk) = chunks.get(i) else { break };
                let result = part(chunk);
                let failed = result.is_err();
                if let Ok(mut slots) = made.lock() {
                    slots[i] = Some(result);
                }
                if failed {
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
            }));
        }
        while running.iter().any(|t| !t.is_finished()) {
            tell(&mut told, done.load(Ordering::Relaxed), progress, &stop);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    });
    tell(&mut told, done.load(Ordering::Relaxed), progress, &stop);
    if stop.load(Ordering::Relaxed) {
        // The first part that failed says why; a cancel otherwise.
        let slots = made.into_inner().unwrap_or_default();
        return Err(slots
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .unwrap_or(DocumentError::Cancelled));
    }
    let parts = made
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.unwrap_or(Err(DocumentError::Join)))
        .collect::<Result<Vec<_>, _>>()?;
    let whole = crate::merge::merge(parts).ok_or(DocumentError::Join)?;
    Ok(crate::page::save(whole))
}

/// Tells `progress` of every page drawn since it last heard, one by one; a `false` from it
/// stops the workers.
fn tell(told: &mut usize, now: usize, progress: &mut dyn FnMut(usize) -> bool, stop: &AtomicBool) {
    while *told < now && !stop.load(Ordering::Relaxed) {
        *told += 1;
        if !progress(*told) {
            stop.store(true, Ordering::Relaxed);
        }
    }
}

/// One page as SVG for the on-screen preview: the same drawing as the PDF page.
pub fn preview_svg(page: &LetterPage, logo: Option<&[u8]>) -> Result<String, DocumentError> {
    let mut w = Writer::with_fonts("", "", &SERIF)?;
    let missing = missing_in(&w, std::slice::from_ref(page));
    if !missing.is_empty() {
        return Err(DocumentError::GlyphsMissing(missing.into_iter().collect()));
    }
    let logo = match logo {
        Some(bytes) if page.logo => Some(w.add_image(bytes)?),
        _ => None,
    };
    draw(&mut w, page, logo.as_ref())?;
    w.first_page_svg().ok_or(DocumentError::Font)
}

/// Whether `bytes` is an image the letters can print (PNG or JPEG).
pub fn check_image(bytes: &[u8]) -> Result<(), DocumentError> {
    Writer::with_fonts("", "", &SERIF)?
        .add_image(bytes)
        .map(|_| ())
}

fn draw(w: &mut Writer, page: &LetterPage, logo: Option<&Image>) -> Result<(), DocumentError> {
    w.frame(FRAME, DARK_RED, 1.6);
    w.frame(FRAME + 2.0, DARK_RED, 0.5);
    let bilingual = page.sides.len() > 1;
    // A one-language letter sits in the upper middle of the page, as printed ones do;
    // a bilingual one needs the whole height, and its emblem is smaller.
    w.y = match (bilingual, logo) {
        (false, None) => 60.0,
        (false, Some(image)) => {
            w.image_at(image, PAGE_W / 2.0, 30.0, 40.0, 26.0);
            62.0
        }
        (true, None) => FRAME + 14.0,
        (true, Some(image)) => {
            w.image_at(image, PAGE_W / 2.0, FRAME + 7.0, 30.0, 16.0);
            FRAME + 29.0
        }
    };
    for (n, s) in page.sides.iter().enumerate() {
        if n > 0 {
            // The Russian half starts below the middle, under a thin rule.
            w.y = w.y.max(PAGE_H / 2.0);
            w.rule(FRAME + 30.0, PAGE_W - FRAME - 30.0, MUTED, 0.4);
            w.y += 8.0;
        }
        side(w, s, if bilingual { 0.78 } else { 1.0 });
    }
    if !page.qr.is_empty() {
        w.qr(&page.qr, FRAME + 6.0, PAGE_H - FRAME - 30.0, 24.0)?;
    }
    if !page.number.is_empty() {
        let saved = w.y;
        w.y = PAGE_H - FRAME - 12.0;
        let nw = w.width(&page.number, 9.0, Weight::Regular);
        w.text_at(
            PAGE_W - FRAME - 8.0 - nw,
            &page.number,
            9.0,
            Weight::Regular,
            MUTED,
        );
        w.y = saved;
    }
    Ok(())
}
