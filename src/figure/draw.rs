//! Shapes to characters: Braille dots (2 × 4 to a cell, so the dots are
//! about square) or plain ASCII strokes, fitted to a box of cells with the
//! floor along its bottom. Pure: the same figure, moment and size always
//! give the same picture, and nothing here knows about terminals.

use super::body::{self, Layer, P, Shape};
use super::pose::Figure;

/// How the picture is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Braille patterns: fine lines, for any terminal with Unicode.
    Braille,
    /// `/ | \ - O` strokes: a plainer figure for terminals without Unicode.
    Ascii,
}

/// What a cell of the picture shows, so the screen can style it: the body
/// in one colour, props and floor quieter. The shape carries the meaning,
/// so a picture reads the same without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ink {
    /// The floor line.
    Floor,
    /// Equipment and surroundings.
    Prop,
    /// The figure itself.
    Body,
}

/// A drawn figure: `rows` lines of `cols` cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// Width in cells.
    pub cols: u16,
    /// Height in cells.
    pub rows: u16,
    /// Row by row: each cell's character and what it shows (`None`: blank).
    pub cells: Vec<(char, Option<Ink>)>,
}

impl Picture {
    /// The first row with anything drawn on it (the floor at the latest):
    /// a text pane can leave out the empty sky above a lying figure.
    pub fn first_inked_row(&self) -> u16 {
        let cols = usize::from(self.cols.max(1));
        self.cells
            .chunks(cols)
            .position(|row| row.iter().any(|(_, ink)| ink.is_some()))
            .map_or(self.rows, |r| r as u16)
    }

    /// The picture as text lines, trailing blanks trimmed.
    pub fn lines(&self) -> Vec<String> {
        self.cells
            .chunks(usize::from(self.cols.max(1)))
            .map(|row| {
                let line: String = row.iter().map(|(c, _)| *c).collect();
                line.trim_end().to_string()
            })
            .collect()
    }
}

/// Moments sampled to find the box a whole movement needs, so the figure
/// keeps one size and place from start to end.
const SAMPLES: [f32; 5] = [0.0, 0.25, 0.5, 0.75, 1.0];

/// `figure` at `t` (0 start, 1 end), mirrored for the other side if asked,
/// fitted into `cols` × `rows` cells.
pub fn picture(figure: &Figure, t: f32, mirror: bool, cols: u16, rows: u16, mode: Mode) -> Picture {
    let mut bounds = (f32::MAX, 0.0f32, f32::MIN, f32::MIN);
    for s in SAMPLES {
        for shape in body::scene(figure, s) {
            let (x0, y0, x1, y1) = shape.bounds();
            bounds = (
                bounds.0.min(x0),
                bounds.1.min(y0),
                bounds.2.max(x1),
                bounds.3.max(y1),
            );
        }
    }
    let shapes = body::scene(figure, t);
    let picture = match mode {
        Mode::Braille => braille(&shapes, bounds, cols, rows),
        Mode::Ascii => ascii(&shapes, bounds, cols, rows),
    };
    if mirror { picture.mirrored() } else { picture }
}

impl Picture {
    /// The picture as in a mirror, cell for cell: the other side of a
    /// per-side exercise, with exactly the same strokes.
    pub fn mirrored(mut self) -> Picture {
        for row in self.cells.chunks_mut(usize::from(self.cols.max(1))) {
            row.reverse();
            for (c, _) in row.iter_mut() {
                *c = mirror_char(*c);
            }
        }
        self
    }
}

/// A character as in a mirror: slashes swap, and a Braille pattern's two
/// columns of dots swap.
fn mirror_char(c: char) -> char {
    match c {
        '/' => '\\',
        '\\' => '/',
        c if ('\u{2800}'..='\u{28ff}').contains(&c) => {
            let bits = c as u32 - 0x2800;
            // Dots 1-2-3-7 (bits 0, 1, 2, 6) face dots 4-5-6-8 (bits 3, 4, 5, 7).
            let swapped = [(0, 3), (1, 4), (2, 5), (6, 7)]
                .iter()
                .fold(0, |acc, &(a, b)| {
                    acc | (((bits >> a) & 1) << b) | (((bits >> b) & 1) << a)
                });
            char::from_u32(0x2800 + swapped).unwrap_or(c)
        }
        other => other,
    }
}

/// Maps body units to a grid: `scale` grid units per body unit, x from the
/// left, y downward from the top.
struct Fit {
    scale: f32,
    x_off: f32,
    /// Grid y of the body's y = `y0`.
    base: f32,
    y0: f32,
    /// Grid rows per grid column (ASCII cells are twice as tall as wide).
    squash: f32,
}

impl Fit {
    /// Fits `bounds` into `width` × `height` grid units, the bottom of the
    /// bounds on grid row `base`.
    fn new(bounds: (f32, f32, f32, f32), width: f32, height: f32, base: f32, squash: f32) -> Fit {
        let (x0, y0, x1, y1) = bounds;
        let (bw, bh) = ((x1 - x0).max(0.1), (y1 - y0).max(0.1));
        let scale = (width / bw).min(height / (bh * squash)).max(0.01);
        Fit {
            scale,
            x_off: (width - bw * scale) / 2.0 - x0 * scale,
            base,
            y0,
            squash,
        }
    }

    fn at(&self, p: P) -> (f32, f32) {
        (
            p.x * self.scale + self.x_off,
            self.base - (p.y - self.y0) * self.scale * self.squash,
        )
    }
}

// ---- Braille ------------------------------------------------------------------

fn braille(shapes: &[Shape], bounds: (f32, f32, f32, f32), cols: u16, rows: u16) -> Picture {
    let (w, h) = (usize::from(cols) * 2, usize::from(rows) * 4);
    // The bottom row of dots is the floor; one row above it is left clear.
    let fit = Fit::new(bounds, w as f32 - 1.0, h as f32 - 2.0, h as f32 - 2.0, 1.0);
    let mut dots = Dots {
        w,
        h,
        ink: vec![0u8; w * h],
    };
    for shape in shapes {
        dots.shape(shape, &fit);
    }
    if h > 0 {
        for x in 0..w {
            dots.set(x, h - 1, Ink::Floor);
        }
    }
    let mut cells = Vec::with_capacity(usize::from(cols) * usize::from(rows));
    // Bit of each dot in a Braille cell, by (column, row).
    const BIT: [[u8; 4]; 2] = [[0, 1, 2, 6], [3, 4, 5, 7]];
    for cy in 0..usize::from(rows) {
        for cx in 0..usize::from(cols) {
            let mut bits = 0u32;
            let mut ink = 0u8;
            for (dx, col) in BIT.iter().enumerate() {
                for (dy, bit) in col.iter().enumerate() {
                    let v = dots.ink[(cy * 4 + dy) * w + cx * 2 + dx];
                    if v > 0 {
                        bits |= 1 << bit;
                        ink = ink.max(v);
                    }
                }
            }
            cells.push(if bits == 0 {
                (' ', None)
            } else {
                (
                    char::from_u32(0x2800 + bits).unwrap_or(' '),
                    Some(ink_of(ink)),
                )
            });
        }
    }
    Picture { cols, rows, cells }
}

fn ink_code(ink: Ink) -> u8 {
    match ink {
        Ink::Floor => 1,
        Ink::Prop => 2,
        Ink::Body => 3,
    }
}

fn ink_of(code: u8) -> Ink {
    match code {
        1 => Ink::Floor,
        2 => Ink::Prop,
        _ => Ink::Body,
    }
}

fn layer_ink(layer: Layer) -> Ink {
    match layer {
        Layer::Near | Layer::Far => Ink::Body,
        Layer::Prop => Ink::Prop,
    }
}

/// Radius in dots of a stroke: its width at this scale, but never thinner
/// than what stays visible (the near side always looks bolder than the far).
fn stroke_radius(width: f32, layer: Layer, scale: f32) -> f32 {
    // Large figures keep fine lines: heavy strokes read as blots.
    let (least, most) = match layer {
        Layer::Near => (1.0, 1.6),
        Layer::Far | Layer::Prop => (0.5, 0.9),
    };
    (width * scale / 2.0).clamp(least, most)
}

/// A head (or a weight) this many dots across or more is drawn as a ring:
/// a large filled disc outweighs the rest of the figure.
const RING_FROM_R: f32 = 3.5;

struct Dots {
    w: usize,
    h: usize,
    ink: Vec<u8>,
}

impl Dots {
    fn set(&mut self, x: usize, y: usize, ink: Ink) {
        if x < self.w && y < self.h {
            let cell = &mut self.ink[y * self.w + x];
            *cell = (*cell).max(ink_code(ink));
        }
    }

    /// Every dot whose centre lies within the box, for `inside` to judge.
    fn fill(
        &mut self,
        (x0, y0, x1, y1): (f32, f32, f32, f32),
        ink: Ink,
        inside: impl Fn(f32, f32) -> bool,
    ) {
        let clamp = |v: f32, max: usize| (v.max(0.0) as usize).min(max);
        let (xa, xb) = (clamp(x0.floor(), self.w), clamp(x1.ceil() + 1.0, self.w));
        let (ya, yb) = (clamp(y0.floor(), self.h), clamp(y1.ceil() + 1.0, self.h));
        for y in ya..yb {
            for x in xa..xb {
                if inside(x as f32 + 0.5, y as f32 + 0.5) {
                    self.set(x, y, ink);
                }
            }
        }
    }

    fn segment(&mut self, a: (f32, f32), b: (f32, f32), r: f32, ink: Ink) {
        let bbox = (
            a.0.min(b.0) - r,
            a.1.min(b.1) - r,
            a.0.max(b.0) + r,
            a.1.max(b.1) + r,
        );
        self.fill(bbox, ink, |x, y| {
            distance_to_segment((x, y), a, b) <= r + 1e-3
        });
    }

    fn shape(&mut self, shape: &Shape, fit: &Fit) {
        match *shape {
            Shape::Line { a, b, width, layer } => {
                let r = stroke_radius(width, layer, fit.scale);
                self.segment(fit.at(a), fit.at(b), r, layer_ink(layer));
            }
            Shape::Curve {
                a,
                c,
                b,
                width,
                layer,
            } => {
                let r = stroke_radius(width, layer, fit.scale);
                let mut prev = fit.at(a);
                for k in 1..=8 {
                    let p = bezier(a, c, b, k as f32 / 8.0);
                    let next = fit.at(p);
                    self.segment(prev, next, r, layer_ink(layer));
                    prev = next;
                }
            }
            Shape::Disc { c, r, layer } => {
                let (cx, cy) = fit.at(c);
                let r = (r * fit.scale).max(1.0);
                let ring = r >= RING_FROM_R;
                let half = stroke_radius(0.0, layer, fit.scale);
                self.fill(
                    (cx - r, cy - r, cx + r, cy + r),
                    layer_ink(layer),
                    |x, y| {
                        let d = (x - cx).hypot(y - cy);
                        d <= r && (!ring || d >= r - 2.0 * half)
                    },
                );
            }
            Shape::Ring { c, r, width, layer } => {
                let (cx, cy) = fit.at(c);
                let r = r * fit.scale;
                let half = stroke_radius(width, layer, fit.scale);
                let outer = r + half;
                self.fill(
                    (cx - outer, cy - outer, cx + outer, cy + outer),
                    layer_ink(layer),
                    |x, y| ((x - cx).hypot(y - cy) - r).abs() <= half,
                );
            }
        }
    }
}

fn bezier(a: P, c: P, b: P, t: f32) -> P {
    let u = 1.0 - t;
    P {
        x: u * u * a.x + 2.0 * u * t * c.x + t * t * b.x,
        y: u * u * a.y + 2.0 * u * t * c.y + t * t * b.y,
    }
}

fn distance_to_segment(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

// ---- ASCII --------------------------------------------------------------------

/// Which character wins a cell: the body's head over its limbs over props.
fn ascii_rank(c: char, ink: Ink) -> u8 {
    match (ink, c) {
        (Ink::Body, 'O') => 5,
        (Ink::Body, _) => 4,
        (Ink::Prop, _) => 2,
        (Ink::Floor, _) => 1,
    }
}

fn ascii(shapes: &[Shape], bounds: (f32, f32, f32, f32), cols: u16, rows: u16) -> Picture {
    let (w, h) = (usize::from(cols), usize::from(rows));
    // Cells are about twice as tall as wide; the last row is the floor.
    let fit = Fit::new(
        bounds,
        w as f32 - 1.0,
        h as f32 - 1.01,
        h as f32 - 1.001,
        0.5,
    );
    let mut grid: Vec<(char, Option<Ink>)> = vec![(' ', None); w * h];
    let mut put = |x: f32, y: f32, c: char, ink: Ink| {
        if x < 0.0 || y < 0.0 {
            return;
        }
        let (x, y) = (x as usize, y as usize);
        if x >= w || y + 1 >= h.max(1) {
            return;
        }
        let cell = &mut grid[y * w + x];
        let wins = match cell.1 {
            None => true,
            Some(old) => ascii_rank(c, ink) > ascii_rank(cell.0, old),
        };
        if wins {
            *cell = (c, Some(ink));
        }
    };
    let stroke =
        |a: (f32, f32), b: (f32, f32), ink: Ink, put: &mut dyn FnMut(f32, f32, char, Ink)| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            // Screen angle: a row is about two columns tall.
            let angle = (-dy * 2.0).atan2(dx).to_degrees().rem_euclid(180.0);
            let c = match angle {
                a if !(22.5..157.5).contains(&a) => '-',
                a if a < 67.5 => '/',
                a if a < 112.5 => '|',
                _ => '\\',
            };
            // One mark per cell along the longer axis: no doubled strokes.
            let steps = dx.abs().max(dy.abs()).ceil().max(1.0) as usize;
            for k in 0..=steps {
                let t = k as f32 / steps as f32;
                put(a.0 + dx * t, a.1 + dy * t, c, ink);
            }
        };
    for shape in shapes {
        match *shape {
            Shape::Line { a, b, layer, .. } => {
                stroke(fit.at(a), fit.at(b), layer_ink(layer), &mut put);
            }
            Shape::Curve { a, c, b, layer, .. } => {
                let mut prev = fit.at(a);
                for k in 1..=4 {
                    let next = fit.at(bezier(a, c, b, k as f32 / 4.0));
                    stroke(prev, next, layer_ink(layer), &mut put);
                    prev = next;
                }
            }
            Shape::Disc { c, r, layer } | Shape::Ring { c, r, layer, .. } => {
                let (cx, cy) = fit.at(c);
                let rx = r * fit.scale;
                let mark = if layer == Layer::Prop { 'o' } else { 'O' };
                if rx < 1.5 || matches!(shape, Shape::Disc { .. }) && rx < 2.5 {
                    put(cx, cy, mark, layer_ink(layer));
                } else {
                    // A round outline from short strokes.
                    let ry = rx * fit.squash;
                    let n = 16;
                    let point = |k: usize| {
                        let a = (k as f32 / n as f32) * std::f32::consts::TAU;
                        (cx + rx * a.cos(), cy - ry * a.sin())
                    };
                    for k in 0..n {
                        stroke(point(k), point(k + 1), layer_ink(layer), &mut put);
                    }
                }
            }
        }
    }
    if h > 0 {
        for x in 0..w {
            grid[(h - 1) * w + x] = ('_', Some(Ink::Floor));
        }
    }
    Picture {
        cols,
        rows,
        cells: grid,
    }
}
