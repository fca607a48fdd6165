//! Tables whose columns fit what they hold: a number column is as wide as its widest value
//! (never wrapped, right-aligned, so digits line up and «₸» stays with its number), text
//! columns share what is left. When the numbers leave too little for the text, the type
//! gets smaller rather than the numbers running into each other.

use crate::page::{Weight, Writer, MARGIN};

/// Room left and right of a cell's text, mm.
const PAD: f32 = 1.6;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Col {
    /// Text, wrapped; shares the width left by the other columns by this weight.
    Text(f32),
    /// A figure: as wide as its widest cell, right-aligned.
    Number,
    /// A fixed width in mm (a signature box).
    Fixed(f32),
}

/// The type size a table starts at, the smallest it may shrink to, and the narrowest a text
/// column may become before it does.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub size: f32,
    pub min_size: f32,
    pub min_text: f32,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub widths: Vec<f32>,
    right: Vec<bool>,
    /// Type size of the body rows; the header is a point smaller.
    pub size: f32,
}

impl Table {
    /// Lays the columns out for `header` and `rows` within `total` mm, starting at
    /// `type_.size` pt and going down half a point at a time (not below `type_.min_size`)
    /// until every text column keeps at least `type_.min_text` mm.
    pub fn fit(
        w: &Writer,
        cols: &[Col],
        header: &[String],
        rows: &[Vec<String>],
        total: f32,
        type_: Sizes,
    ) -> Self {
        let Sizes {
            mut size,
            min_size,
            min_text,
        } = type_;
        loop {
            let widths = Self::widths(w, cols, header, rows, total, size);
            let narrowest_text = cols
                .iter()
                .zip(&widths)
                .filter(|(c, _)| matches!(c, Col::Text(_)))
                .map(|(_, w)| *w)
                .fold(f32::INFINITY, f32::min);
            if narrowest_text >= min_text || size - 0.5 < min_size {
                return Self {
                    widths,
                    right: cols.iter().map(|c| *c == Col::Number).collect(),
                    size,
                };
            }
            size -= 0.5;
        }
    }

    fn widths(
        w: &Writer,
        cols: &[Col],
        header: &[String],
        rows: &[Vec<String>],
        total: f32,
        size: f32,
    ) -> Vec<f32> {
        let head_size = size - 1.0;
        let mut widths: Vec<f32> = cols
            .iter()
            .enumerate()
            .map(|(i, c)| match c {
                Col::Number => {
                    let body = rows
                        .iter()
                        .filter_map(|r| r.get(i))
                        .map(|cell| w.width(cell, size, Weight::Regular))
                        .fold(0.0, f32::max);
                    // The header may wrap, but its longest word must fit.
                    let head = header
                        .get(i)
                        .map(|h| {
                            h.split(' ')
                                .map(|word| w.width(word, head_size, Weight::Bold))
                                .fold(0.0, f32::max)
                        })
                        .unwrap_or(0.0);
                    body.max(head) + 2.0 * PAD
                }
                Col::Fixed(mm) => *mm,
                Col::Text(_) => 0.0,
            })
            .collect();
        let used: f32 = widths.iter().sum();
        let shares: f32 = cols
            .iter()
            .map(|c| if let Col::Text(s) = c { *s } else { 0.0 })
            .sum();
        let left = (total - used).max(0.0);
        for (width, c) in widths.iter_mut().zip(cols) {
            if let Col::Text(share) = c {
                *width = left * share / shares.max(f32::MIN_POSITIVE);
            }
        }
        widths
    }

    fn lines(&self, w: &Writer, cells: &[String], weight: Weight, size: f32) -> Vec<Vec<String>> {
        cells
            .iter()
            .zip(&self.widths)
            .map(|(c, width)| w.wrap(c, size, weight, width - 2.0 * PAD))
            .collect()
    }

    fn line_h(size: f32) -> f32 {
        size * 0.3528 * 1.4
    }

    /// The height a body row of `cells` takes, mm.
    pub fn height(&self, w: &Writer, cells: &[String]) -> f32 {
        let lines = self.lines(w, cells, Weight::Regular, self.size);
        Self::line_h(self.size) * lines.iter().map(Vec::len).max().unwrap_or(1) as f32
    }

    /// The header row (bold, a point smaller, `color`); moves the cursor below it.
    pub fn header(&self, w: &mut Writer, cells: &[String], color: (f32, f32, f32)) {
        self.draw(w, cells, Weight::Bold, self.size - 1.0, color);
    }

    /// A body row; moves the cursor below its tallest cell.
    pub fn row(&self, w: &mut Writer, cells: &[String], weight: Weight, color: (f32, f32, f32)) {
        self.draw(w, cells, weight, self.size, color);
    }

    fn draw(
        &self,
        w: &mut Writer,
        cells: &[String],
        weight: Weight,
        size: f32,
        color: (f32, f32, f32),
    ) {
        let lines = self.lines(w, cells, weight, size);
        let line_h = Self::line_h(size);
        let tallest = lines.iter().map(Vec::len).max().unwrap_or(1);
        w.ensure(line_h * tallest as f32 + 1.0);
        let top = w.y;
        let mut x = MARGIN;
        for ((cell, width), right) in lines.iter().zip(&self.widths).zip(&self.right) {
            w.y = top;
            for line in cell {
                let at = if *right {
                    x + width - PAD - w.width(line, size, weight)
                } else {
                    x + PAD
                };
                w.text_at(at, line, size, weight, color);
                w.y += line_h;
            }
            x += width;
        }
        w.y = top + line_h * tallest as f32;
    }
}
