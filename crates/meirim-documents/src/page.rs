//! A small page writer over printpdf: text at a cursor that moves down the page, measured
//! with the font's own advance widths so that lines wrap and columns line up, and a new
//! page when the cursor reaches the bottom margin.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, Point,
    Pt, Rgb, TextItem,
};

use crate::DocumentError;

/// The faces of one document: regular, bold, italic.
pub struct FontSet {
    pub regular: &'static [u8],
    pub bold: &'static [u8],
    pub italic: &'static [u8],
}

/// Lists and cards: Noto Sans.
pub const SANS: FontSet = FontSet {
    regular: include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    bold: include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
    italic: include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf"),
};

/// Letters and diplomas: Noto Serif (every Kazakh letter and ₸).
pub const SERIF: FontSet = FontSet {
    regular: include_bytes!("../../../assets/fonts/NotoSerif-Regular.ttf"),
    bold: include_bytes!("../../../assets/fonts/NotoSerif-Bold.ttf"),
    italic: include_bytes!("../../../assets/fonts/NotoSerif-Italic.ttf"),
};

/// Gives every `<text>` of a printpdf SVG the width the PDF measured for it
/// (`textLength`). Words are placed one by one at measured positions; a browser that
/// rounds font sizes or hints glyphs would draw them wider and close the gaps between
/// them, so the preview would not match the page.
fn pin_text_widths(svg: &str, faces: &[(String, &Face)]) -> String {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let len = tag[start..].find('"')?;
        Some(tag[start..start + len].to_owned())
    };
    let mut out = String::with_capacity(svg.len() + svg.len() / 20);
    let mut rest = svg;
    while let Some(at) = rest.find("<text ") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..tag_end];
        let body_end = rest[tag_end..]
            .find("</text>")
            .map_or(tag_end + 1, |e| tag_end + e);
        let body = &rest[tag_end + 1..body_end];
        // A spread line is tspans with dx offsets: its length counts them too.
        let mut shifts = 0.0_f32;
        let mut plain = String::with_capacity(body.len());
        let mut in_tag = false;
        for (i, ch) in body.char_indices() {
            match ch {
                '<' => {
                    in_tag = true;
                    if let Some(dx) = attr(
                        &body[i..body[i..].find('>').map_or(body.len(), |e| i + e)],
                        "dx",
                    ) {
                        shifts += dx.parse::<f32>().unwrap_or(0.0);
                    }
                }
                '>' if in_tag => in_tag = false,
                _ if !in_tag => plain.push(ch),
                _ => {}
            }
        }
        let text = plain
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        let face = attr(tag, "font-family")
            .and_then(|family| faces.iter().find(|(id, _)| *id == family).map(|(_, f)| *f));
        let size = attr(tag, "font-size").and_then(|s| s.parse::<f32>().ok());
        out.push_str(tag);
        if let (Some(face), Some(size)) = (face, size) {
            // `width` is in mm; the SVG's units are points.
            let pt = face.width(&text, size) * 72.0 / 25.4 + shifts;
            out.push_str(&format!(
                " textLength=\"{pt:.3}\" lengthAdjust=\"spacingAndGlyphs\""
            ));
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// The modules of a QR code (side length, dark or not). The mask is fixed instead of the
/// best of eight: every mask is valid and scans, and choosing one took a fifth of the time
/// of a 1 000-letter batch.
fn qr_modules(payload: &str) -> Result<(usize, Vec<bool>), DocumentError> {
    use qrcode::{bits, canvas, ec, EcLevel};
    let level = EcLevel::M;
    let bits = bits::encode_auto(payload.as_bytes(), level).map_err(|_| DocumentError::Qr)?;
    let version = bits.version();
    let (data, ecc) = ec::construct_codewords(&bits.into_bytes(), version, level)
        .map_err(|_| DocumentError::Qr)?;
    let mut c = canvas::Canvas::new(version, level);
    c.draw_all_functional_patterns();
    c.draw_data(&data, &ecc);
    c.apply_mask(canvas::MaskPattern::DiagonalLines);
    let colors = c.into_colors();
    let n = usize::try_from(version.width()).map_err(|_| DocumentError::Qr)?;
    Ok((
        n,
        colors
            .into_iter()
            .map(|m| m == qrcode::Color::Dark)
            .collect(),
    ))
}

/// An image added to the document, with its size in pixels.
pub struct Image {
    id: printpdf::XObjectId,
    width: usize,
    height: usize,
}

pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
pub const MARGIN: f32 = 18.0;

struct Face {
    /// Advances come from the font file itself: printpdf's op API does not measure text.
    metrics: ttf_parser::Face<'static>,
    id: FontId,
    /// Advances of Latin, Cyrillic (with the Kazakh letters) and general punctuation, read
    /// once: a batch measures every word several times while wrapping and spreading.
    common: Vec<Option<u16>>,
}

/// Characters below this are in `Face::common`; the rest is looked up each time.
const COMMON_END: u32 = 0x0530;

impl Face {
    fn load(doc: &mut PdfDocument, bytes: &'static [u8]) -> Result<Self, DocumentError> {
        let parsed =
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(DocumentError::Font)?;
        let metrics = ttf_parser::Face::parse(bytes, 0).map_err(|_| DocumentError::Font)?;
        let id = doc.add_font(&parsed);
        let common = (0..COMMON_END)
            .map(|u| {
                char::from_u32(u)
                    .and_then(|c| metrics.glyph_index(c))
                    .and_then(|g| metrics.glyph_hor_advance(g))
            })
            .collect();
        Ok(Self {
            metrics,
            id,
            common,
        })
    }

    /// Width of `text` at `size` points, in millimetres.
    fn width(&self, text: &str, size: f32) -> f32 {
        let upm = f32::from(self.metrics.units_per_em().max(1));
        let units: f32 = text
            .chars()
            .map(|c| {
                let advance = match self.common.get(c as usize) {
                    Some(known) => *known,
                    None => self
                        .metrics
                        .glyph_index(c)
                        .and_then(|g| self.metrics.glyph_hor_advance(g)),
                };
                advance.map_or(upm / 2.0, f32::from)
            })
            .sum();
        units / upm * size * 25.4 / 72.0
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
    Italic,
}

pub const INK: (f32, f32, f32) = (0.12, 0.16, 0.2);
pub const MUTED: (f32, f32, f32) = (0.37, 0.42, 0.48);
pub const TEAL: (f32, f32, f32) = (0.07, 0.37, 0.35);

pub struct Writer {
    doc: PdfDocument,
    regular: Face,
    bold: Face,
    italic: Face,
    pages: Vec<Vec<Op>>,
    /// Distance from the top edge, in mm.
    pub y: f32,
    footer: String,
}

impl Writer {
    pub fn new(title: &str, footer: &str) -> Result<Self, DocumentError> {
        Self::with_fonts(title, footer, &SANS)
    }

    /// A writer in `fonts`; an empty `footer` prints no footer line.
    pub fn with_fonts(title: &str, footer: &str, fonts: &FontSet) -> Result<Self, DocumentError> {
        let mut doc = PdfDocument::new(title);
        // printpdf dates documents 1970 unless told; a viewer's "Properties" should show
        // the day it was printed.
        let now =
            printpdf::DateTime::from_unix_timestamp(meirim_core::clock::now_utc().timestamp())
                .unwrap_or_else(|_| printpdf::DateTime::now_utc());
        doc.metadata.info.creation_date = now;
        doc.metadata.info.modification_date = now;
        doc.metadata.info.metadata_date = now;
        doc.metadata.info.producer = "Meirim".to_owned();
        let regular = Face::load(&mut doc, fonts.regular)?;
        let bold = Face::load(&mut doc, fonts.bold)?;
        let italic = Face::load(&mut doc, fonts.italic)?;
        Ok(Self {
            doc,
            regular,
            bold,
            italic,
            pages: vec![Vec::new()],
            y: MARGIN,
            footer: footer.to_owned(),
        })
    }

    fn face(&self, w: Weight) -> &Face {
        match w {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
            Weight::Italic => &self.italic,
        }
    }

    pub fn width(&self, text: &str, size: f32, w: Weight) -> f32 {
        self.face(w).width(text, size)
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Characters of `text` the font has no glyph for: they would print as nothing.
    pub fn missing(&self, text: &str, w: Weight) -> Vec<char> {
        let face = &self.face(w).metrics;
        let mut out: Vec<char> = text
            .chars()
            .filter(|c| !c.is_whitespace() && face.glyph_index(*c).is_none())
            .collect();
        out.dedup();
        out
    }

    /// Draws `text` centred on the page at the cursor.
    pub fn centred(&mut self, text: &str, size: f32, w: Weight, color: (f32, f32, f32)) {
        let x = (PAGE_W - self.width(text, size, w)) / 2.0;
        self.text_at(x, text, size, w, color);
    }

    /// A rectangle outline, as a frame around a page.
    pub fn frame(&mut self, inset: f32, color: (f32, f32, f32), thickness: f32) {
        let (x1, x2) = (inset, PAGE_W - inset);
        let (top, bottom) = (inset, PAGE_H - inset);
        let saved = self.y;
        for (a, b) in [
            ((x1, top), (x2, top)),
            ((x2, top), (x2, bottom)),
            ((x2, bottom), (x1, bottom)),
            ((x1, bottom), (x1, top)),
        ] {
            self.line(a, b, color, thickness);
        }
        self.y = saved;
    }

    fn line(&mut self, a: (f32, f32), b: (f32, f32), color: (f32, f32, f32), thickness: f32) {
        let ops = vec![
            Op::SetOutlineColor {
                col: Color::Rgb(Rgb::new(color.0, color.1, color.2, None)),
            },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: Point::new(Mm(a.0), Mm(PAGE_H - a.1)),
                            bezier: false,
                        },
                        LinePoint {
                            p: Point::new(Mm(b.0), Mm(PAGE_H - b.1)),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
        ];
        self.ops().extend(ops);
    }

    /// A QR code of `payload`, `size` mm square, its top-left corner at (`x`, `top`). Dark
    /// modules of a row are drawn as one bar each, in one colour, which keeps a page small.
    pub fn qr(&mut self, payload: &str, x: f32, top: f32, size: f32) -> Result<(), DocumentError> {
        let (n, dark) = qr_modules(payload)?;
        // Four modules of quiet zone on each side, as scanners expect: the page's white.
        let module = size / (n + 8) as f32;
        // One grey pixel per module, drawn without smoothing (`Interpolate false`): a few
        // hundred bytes instead of a rectangle per run of dark modules, which made up most
        // of a letter page's content and of the time to write it.
        let k = QR_PIXELS;
        let mut pixels = Vec::with_capacity(n * n * k * k);
        for row in dark.chunks(n) {
            let line: Vec<u8> = row
                .iter()
                .flat_map(|d| std::iter::repeat_n(if *d { 0 } else { 255 }, k))
                .collect();
            for _ in 0..k {
                pixels.extend_from_slice(&line);
            }
        }
        let image = printpdf::RawImage {
            pixels: printpdf::RawImageData::U8(pixels),
            width: n * k,
            height: n * k,
            data_format: printpdf::RawImageFormat::R8,
            tag: Vec::new(),
        };
        let side = module * n as f32;
        let id = self.doc.add_image(&image);
        self.ops().push(Op::UseXobject {
            id,
            transform: printpdf::XObjectTransform {
                translate_x: Some(Mm(x + 4.0 * module).into()),
                translate_y: Some(Mm(PAGE_H - top - 4.0 * module - side).into()),
                dpi: Some((n * k) as f32 / (side / 25.4)),
                ..Default::default()
            },
        });
        Ok(())
    }

    /// Adds an image to the document once; `image_at` then places it on any page.
    pub fn add_image(&mut self, bytes: &[u8]) -> Result<Image, DocumentError> {
        let raw = printpdf::RawImage::decode_from_bytes(bytes, &mut Vec::new())
            .map_err(DocumentError::Image)?;
        if raw.width == 0 || raw.height == 0 {
            return Err(DocumentError::Image("empty".into()));
        }
        let (width, height) = (raw.width, raw.height);
        Ok(Image {
            id: self.doc.add_image(&raw),
            width,
            height,
        })
    }

    /// Places `image` with its top centre at (`centre_x`, `top`), fitting a `max_w` × `max_h`
    /// mm box without distortion.
    pub fn image_at(&mut self, image: &Image, centre_x: f32, top: f32, max_w: f32, max_h: f32) {
        let (px_w, px_h) = (image.width as f32, image.height as f32);
        let w = max_w.min(max_h * px_w / px_h);
        let h = w * px_h / px_w;
        // printpdf sizes an image by its dpi: pixels per inch that make it `w` mm wide.
        let dpi = px_w / (w / 25.4);
        let left = centre_x - w / 2.0;
        self.ops().push(Op::UseXobject {
            id: image.id.clone(),
            transform: printpdf::XObjectTransform {
                translate_x: Some(Mm(left).into()),
                translate_y: Some(Mm(PAGE_H - top - h).into()),
                dpi: Some(dpi),
                ..Default::default()
            },
        });
    }

    /// Continues on a fresh page.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page when fewer than `needed` mm are left above the bottom margin.
    pub fn ensure(&mut self, needed: f32) {
        if self.y + needed > PAGE_H - MARGIN - 6.0 {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    /// Draws `text` with its baseline `size`-derived distance below the cursor, at `x` mm
    /// from the left edge. Does not move the cursor.
    pub fn text_at(&mut self, x: f32, text: &str, size: f32, w: Weight, color: (f32, f32, f32)) {
        self.items_at(x, vec![TextItem::Text(text.to_owned())], size, w, color);
    }

    /// One line spread to `width` mm: the words with their spaces, each gap widened by a
    /// text offset. One text object per line keeps big batches small and fast to write;
    /// real spaces keep the copied text right.
    pub fn spread_at(&mut self, x: f32, words: &[&str], size: f32, w: Weight, width: f32) {
        let face = self.face(w);
        let used: f32 = words.iter().map(|word| face.width(word, size)).sum();
        let space = face.width(" ", size);
        let gaps = words.len().saturating_sub(1).max(1) as f32;
        let extra_mm = ((width - used) / gaps - space).max(0.0);
        // TJ offsets are thousandths of the font size, negative to move right.
        let offset = -(extra_mm * 72.0 / 25.4) / size * 1000.0;
        let mut items = Vec::with_capacity(words.len() * 2);
        for (i, word) in words.iter().enumerate() {
            if i + 1 < words.len() {
                items.push(TextItem::Text(format!("{word} ")));
                items.push(TextItem::Offset(offset));
            } else {
                items.push(TextItem::Text((*word).to_owned()));
            }
        }
        self.items_at(x, items, size, w, INK);
    }

    fn items_at(
        &mut self,
        x: f32,
        items: Vec<TextItem>,
        size: f32,
        w: Weight,
        color: (f32, f32, f32),
    ) {
        let baseline = PAGE_H - self.y - size * 0.3528 * 0.8;
        let font = self.face(w).id.clone();
        let ops = vec![
            Op::StartTextSection,
            Op::SetFillColor {
                col: Color::Rgb(Rgb::new(color.0, color.1, color.2, None)),
            },
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(baseline)),
            },
            Op::ShowText { items },
            Op::EndTextSection,
        ];
        self.ops().extend(ops);
    }

    /// Splits `text` into lines no wider than `max` mm, at spaces where possible. Only
    /// ordinary spaces break: a no-break space keeps «20 000 ₸» and «1 т» whole. A single
    /// word wider than `max` is broken between letters rather than printed into whatever
    /// stands to its right.
    pub fn wrap(&self, text: &str, size: f32, w: Weight, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split([' ', '\t']).filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, w) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let mut pieces = self.break_word(word, size, w, max);
                line = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
            }
            lines.push(line);
        }
        lines
    }

    /// `word` in pieces no wider than `max` mm (at least one character each).
    fn break_word(&self, word: &str, size: f32, w: Weight, max: f32) -> Vec<String> {
        let mut pieces = vec![String::new()];
        for c in word.chars() {
            let last = pieces.len() - 1;
            let mut longer = pieces[last].clone();
            longer.push(c);
            if self.width(&longer, size, w) > max && !pieces[last].is_empty() {
                pieces.push(c.to_string());
            } else {
                pieces[last] = longer;
            }
        }
        pieces
    }

    /// A paragraph at `x`, wrapped to `max` mm; moves the cursor below it.
    pub fn paragraph(&mut self, x: f32, text: &str, size: f32, w: Weight, max: f32) {
        let line_h = size * 0.3528 * 1.45;
        for line in self.wrap(text, size, w, max) {
            self.ensure(line_h);
            self.text_at(x, &line, size, w, INK);
            self.y += line_h;
        }
    }

    /// Whether `needed` mm still fit above the bottom margin of this page.
    pub fn fits(&self, needed: f32) -> bool {
        self.y + needed <= PAGE_H - MARGIN - 6.0
    }

    /// One table row: each cell wrapped in its column, the cursor moved below the tallest.
    pub fn table_row(
        &mut self,
        cells: &[String],
        widths: &[f32],
        weight: Weight,
        color: (f32, f32, f32),
        size: f32,
    ) {
        let line_h = size * 0.3528 * 1.4;
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| self.wrap(c, size, weight, w - 2.0))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        self.ensure(line_h * lines as f32 + 1.0);
        let top = self.y;
        let mut x = MARGIN;
        for (cell, w) in wrapped.iter().zip(widths) {
            self.y = top;
            for line in cell {
                self.text_at(x, line, size, weight, color);
                self.y += line_h;
            }
            x += w;
        }
        self.y = top + line_h * lines as f32;
    }

    pub fn rule(&mut self, x1: f32, x2: f32, color: (f32, f32, f32), thickness: f32) {
        let y = self.y;
        self.line((x1, y), (x2, y), color, thickness);
    }

    /// The first page as SVG, drawn from the very ops the PDF is made of, so an on-screen
    /// preview cannot drift from the printed page. Fonts travel inside it as data URLs.
    pub fn first_page_svg(mut self) -> Option<String> {
        let ops = std::mem::take(&mut self.pages).into_iter().next()?;
        let faces = [&self.regular, &self.bold, &self.italic];
        let ids: Vec<(String, &Face)> = faces.iter().map(|f| (f.id.0.clone(), *f)).collect();
        let doc = self
            .doc
            .with_pages(vec![PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops)]);
        let svg = doc.page_to_svg(1, &printpdf::PdfToSvgOptions::default(), &mut Vec::new())?;
        Some(pin_text_widths(&svg, &ids))
    }

    /// The finished PDF: every page gets the footer and "page n / total".
    pub fn finish(self) -> Vec<u8> {
        save(self.finish_document())
    }

    /// The finished document, its streams compressed, not yet written out.
    pub fn finish_document(mut self) -> lopdf::Document {
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let mut out = Vec::with_capacity(total);
        for (i, mut ops) in pages.into_iter().enumerate() {
            if !self.footer.is_empty() {
                let footer = format!("{} · {}/{}", self.footer, i + 1, total);
                let saved_y = self.y;
                self.y = PAGE_H - MARGIN + 4.0;
                self.pages = vec![Vec::new()];
                self.text_at(MARGIN, &footer, 8.0, Weight::Regular, MUTED);
                ops.append(&mut self.pages[0]);
                self.y = saved_y;
            }
            out.push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops));
        }
        // printpdf would deflate every stream at the best level on one core (most of a
        // 1 000-letter batch's time); its object model is compressed here instead.
        // Images go in as they are (a logo is bounded in size when stored; a QR code must
        // keep its exact pixels), and are deflated with the rest below.
        let options = printpdf::PdfSaveOptions {
            optimize: false,
            image_optimization: None,
            ..printpdf::PdfSaveOptions::default()
        };
        let mut doc = self
            .doc
            .with_pages(out)
            .to_lopdf_document(&options, &mut Vec::new());
        compress_streams(&mut doc);
        doc
    }
}

/// The document as PDF bytes.
pub fn save(mut doc: lopdf::Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = doc.save_to(&mut bytes);
    bytes
}

/// Pixels per QR module side.
const QR_PIXELS: usize = 2;

/// Deflate level for page streams. 1 000 letters: level 9 (lopdf's own) 2 063 bytes a page
/// and 0.49 s for the batch, level 3 2 270 bytes and 0.23 s, level 1 3 479 bytes and no
/// faster.
const DEFLATE_LEVEL: u32 = 3;

/// Every compressible stream deflated, the streams shared out over the machine's cores.
fn compress_streams(doc: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            // printpdf leaves raw images uncompressed; their pixels deflate losslessly.
            lopdf::Object::Stream(s)
                if s.dict.get(b"Filter").is_err()
                    && (s.allows_compression
                        || s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok()
                            == Some(b"Image".as_slice())) =>
            {
                Some(s)
            }
            _ => None,
        })
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let share = streams.len().div_ceil(cores.clamp(1, 8)).max(1);
    std::thread::scope(|scope| {
        for part in streams.chunks_mut(share) {
            scope.spawn(move || part.iter_mut().for_each(|s| deflate(s)));
        }
    });
}

fn deflate(stream: &mut lopdf::Stream) {
    use std::io::Write as _;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(stream.content.len() / 2),
        flate2::Compression::new(DEFLATE_LEVEL),
    );
    let Ok(compressed) = encoder
        .write_all(&stream.content)
        .and_then(|()| encoder.finish())
    else {
        return;
    };
    // Small streams can grow; they stay as they are (as lopdf decides too).
    if compressed.len() + 19 < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}
