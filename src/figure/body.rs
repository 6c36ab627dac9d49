//! From angles to a picture's shapes: where each joint lands (in body units,
//! the floor at y = 0, up positive), where the figure rests, and its props.
//! Pure geometry; [`super::draw`] turns the shapes into characters.

use super::pose::{Anchor, Angles, Figure, Prop, Viewpoint};

/// A point in body units (a trunk is 6.5 long).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct P {
    /// Rightward.
    pub x: f32,
    /// Upward; the floor is at 0.
    pub y: f32,
}

impl P {
    fn new(x: f32, y: f32) -> P {
        P { x, y }
    }
    fn plus(self, o: P) -> P {
        P::new(self.x + o.x, self.y + o.y)
    }
    fn minus(self, o: P) -> P {
        P::new(self.x - o.x, self.y - o.y)
    }
    fn times(self, k: f32) -> P {
        P::new(self.x * k, self.y * k)
    }
    fn mid(self, o: P) -> P {
        P::new((self.x + o.x) / 2.0, (self.y + o.y) / 2.0)
    }
    fn len(self) -> f32 {
        self.x.hypot(self.y)
    }
}

/// The unit vector at `deg` degrees.
fn dir(deg: f32) -> P {
    let r = deg.to_radians();
    P::new(r.cos(), r.sin())
}

// Segment lengths, in body units; about a person's proportions.
const TRUNK: f32 = 6.5;
const NECK: f32 = 0.8;
const HEAD_R: f32 = 1.4;
const UPPER_ARM: f32 = 3.5;
const FOREARM: f32 = 3.4;
const THIGH: f32 = 5.0;
const SHIN: f32 = 5.0;
const FOOT: f32 = 1.5;
const FRONT_FOOT: f32 = 0.9;
const SHOULDER_HALF: f32 = 1.6;
const HIP_HALF: f32 = 0.9;

/// What a shape belongs to: the body near you, its far side, or a prop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The trunk, the head and the limbs of the near side (the front view's both sides).
    Near,
    /// The limbs of the far side in the side view.
    Far,
    /// Equipment and surroundings.
    Prop,
}

/// One thing to draw, in body units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A straight stroke `width` units wide.
    Line {
        /// One end.
        a: P,
        /// The other end.
        b: P,
        /// Stroke width.
        width: f32,
        /// What it belongs to.
        layer: Layer,
    },
    /// A curve from `a` to `b` pulled toward `c` (quadratic Bézier).
    Curve {
        /// One end.
        a: P,
        /// The control point.
        c: P,
        /// The other end.
        b: P,
        /// Stroke width.
        width: f32,
        /// What it belongs to.
        layer: Layer,
    },
    /// A filled disc.
    Disc {
        /// Centre.
        c: P,
        /// Radius.
        r: f32,
        /// What it belongs to.
        layer: Layer,
    },
    /// A circle's outline.
    Ring {
        /// Centre.
        c: P,
        /// Radius.
        r: f32,
        /// Stroke width.
        width: f32,
        /// What it belongs to.
        layer: Layer,
    },
}

impl Shape {
    /// The shape's extent: (min x, min y, max x, max y).
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        let grow =
            |(x0, y0, x1, y1): (f32, f32, f32, f32), w: f32| (x0 - w, y0 - w, x1 + w, y1 + w);
        let span = |ps: &[P]| {
            ps.iter().fold(
                (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
                |(x0, y0, x1, y1), p| (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y)),
            )
        };
        match *self {
            Shape::Line { a, b, width, .. } => grow(span(&[a, b]), width / 2.0),
            Shape::Curve { a, c, b, width, .. } => {
                grow(span(&[a, c.mid(a.mid(b)), b]), width / 2.0)
            }
            Shape::Disc { c, r, .. } => grow(span(&[c]), r),
            Shape::Ring { c, r, width, .. } => grow(span(&[c]), r + width / 2.0),
        }
    }
}

/// Every joint of a figure in one pose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Body {
    /// Middle of the hips.
    pub hip: P,
    /// Middle of the shoulders.
    pub shoulder: P,
    /// Where the back's curve is pulled toward.
    pub spine_pull: P,
    /// Centre of the head.
    pub head: P,
    /// Each side's hip joint (the same point in the side view).
    pub hips: [P; 2],
    /// Each side's shoulder joint.
    pub shoulders: [P; 2],
    /// Elbows.
    pub elbows: [P; 2],
    /// Hands.
    pub hands: [P; 2],
    /// Knees.
    pub knees: [P; 2],
    /// Ankles.
    pub ankles: [P; 2],
    /// Toes.
    pub toes: [P; 2],
    /// Seen from the front.
    pub front: bool,
}

impl Body {
    /// The joints of `a`, the hip at the origin.
    pub fn at_origin(a: &Angles, view: Viewpoint) -> Body {
        let front = view == Viewpoint::Front;
        let hip = P::default();
        let shoulder = dir(a.trunk).times(TRUNK);
        // A bend of θ degrees as a circular arc: its sagitta is L/2·tan(θ/4),
        // and a quadratic curve's control point sits twice as far out.
        let bow = TRUNK * (a.spine.to_radians() / 4.0).tan();
        let spine_pull = hip.mid(shoulder).plus(dir(a.trunk + 90.0).times(bow));
        // The left side is on the right of the picture in the front view.
        let side_offset = |half: f32, s: usize| {
            if !front {
                P::default()
            } else {
                let toward = if s == 0 {
                    a.trunk - 90.0
                } else {
                    a.trunk + 90.0
                };
                dir(toward).times(half)
            }
        };
        let mut b = Body {
            hip,
            shoulder,
            spine_pull,
            head: shoulder.plus(dir(a.head).times(NECK + HEAD_R)),
            hips: [hip; 2],
            shoulders: [shoulder; 2],
            elbows: [P::default(); 2],
            hands: [P::default(); 2],
            knees: [P::default(); 2],
            ankles: [P::default(); 2],
            toes: [P::default(); 2],
            front,
        };
        for s in 0..2 {
            b.hips[s] = hip.plus(side_offset(HIP_HALF, s));
            b.shoulders[s] = shoulder.plus(side_offset(SHOULDER_HALF, s));
            b.elbows[s] = b.shoulders[s].plus(dir(a.arm[s]).times(UPPER_ARM * a.arm_reach));
            b.hands[s] = b.elbows[s].plus(dir(a.forearm[s]).times(FOREARM * a.arm_reach));
            b.knees[s] = b.hips[s].plus(dir(a.thigh[s]).times(THIGH * a.thigh_reach));
            b.ankles[s] = b.knees[s].plus(dir(a.shin[s]).times(SHIN));
            // Seen from the front a foot points outward, and is short.
            b.toes[s] = if front {
                let out = if s == 0 {
                    a.trunk - 90.0
                } else {
                    a.trunk + 90.0
                };
                b.ankles[s].plus(dir(out).times(FRONT_FOOT))
            } else {
                b.ankles[s].plus(dir(a.foot[s]).times(FOOT))
            };
        }
        b
    }

    /// Every point but the head's centre: what may rest on the floor.
    fn points(&self) -> impl Iterator<Item = P> + '_ {
        [self.hip, self.shoulder, self.spine_curve_low()]
            .into_iter()
            .chain(self.hips)
            .chain(self.shoulders)
            .chain(self.elbows)
            .chain(self.hands)
            .chain(self.knees)
            .chain(self.ankles)
            .chain(self.toes)
    }

    /// The middle of the back's curve (its lowest point when it sags).
    fn spine_curve_low(&self) -> P {
        // A quadratic curve's midpoint: halfway between the chord's middle and the pull.
        self.hip.mid(self.shoulder).mid(self.spine_pull)
    }

    fn anchor_point(&self, anchor: Anchor) -> P {
        match anchor {
            Anchor::Feet => self.ankles[0].mid(self.ankles[1]),
            Anchor::FootL => self.ankles[0],
            Anchor::FootR => self.ankles[1],
            Anchor::Knees => self.knees[0].mid(self.knees[1]),
            Anchor::Hip => self.hip,
            Anchor::Shoulders => self.shoulder,
            Anchor::Hands => self.hands[0].mid(self.hands[1]),
        }
    }

    fn moved(mut self, by: P) -> Body {
        let m = |p: &mut P| *p = p.plus(by);
        m(&mut self.hip);
        m(&mut self.shoulder);
        m(&mut self.spine_pull);
        m(&mut self.head);
        for s in 0..2 {
            m(&mut self.hips[s]);
            m(&mut self.shoulders[s]);
            m(&mut self.elbows[s]);
            m(&mut self.hands[s]);
            m(&mut self.knees[s]);
            m(&mut self.ankles[s]);
            m(&mut self.toes[s]);
        }
        self
    }
}

/// How high the hands hang above the floor when the figure hangs from a bar:
/// its feet clear the floor by this much in the start pose.
const HANG_CLEARANCE: f32 = 1.2;

/// The figure's body in pose `t`, resting where it should: its anchor at
/// x = 0, its lowest point on the floor (or its hands on the bar). The
/// head, a disc, rests on the floor rather than sinking through it.
pub fn placed_body(figure: &Figure, t: f32) -> Body {
    let body = Body::at_origin(&figure.angles_at(t), figure.view());
    let anchor = body.anchor_point(figure.anchor());
    let hanging = figure.props.contains(&Prop::Bar);
    let lift = if hanging {
        let start = Body::at_origin(&figure.angles_at(0.0), figure.view());
        let hand = |b: &Body| b.hands[0].y.max(b.hands[1].y);
        let bar = hand(&start) - lowest(&start) + HANG_CLEARANCE;
        bar - hand(&body)
    } else {
        -lowest(&body)
    };
    let mut placed = body.moved(P::new(-anchor.x, lift));
    if placed.head.y < HEAD_R {
        placed.head.y = HEAD_R;
    }
    placed
}

fn lowest(body: &Body) -> f32 {
    body.points().map(|p| p.y).fold(f32::MAX, f32::min)
}

/// Stroke widths in body units.
const TRUNK_W: f32 = 0.9;
const LIMB_W: f32 = 0.7;
const FAR_W: f32 = 0.45;
const PROP_W: f32 = 0.4;

/// Everything to draw for pose `t`: the props (fixed ones placed from the
/// start pose), then the body.
pub fn scene(figure: &Figure, t: f32) -> Vec<Shape> {
    let body = placed_body(figure, t);
    let start = placed_body(figure, 0.0);
    let mut shapes = Vec::with_capacity(32);
    let seated = figure.base == super::pose::Base::Seated;
    let has = |p: Prop| figure.props.contains(&p);
    if seated && !has(Prop::Chair) && !has(Prop::Bike) {
        stool(&start, &mut shapes);
    }
    for prop in &figure.props {
        prop_shapes(*prop, &start, &body, &mut shapes);
    }
    body_shapes(&body, &mut shapes);
    shapes
}

fn line(a: P, b: P, width: f32, layer: Layer) -> Shape {
    Shape::Line { a, b, width, layer }
}

fn body_shapes(b: &Body, out: &mut Vec<Shape>) {
    // Far limbs first, so the near ones are drawn over them.
    let sides: [(usize, Layer, f32); 2] = if b.front {
        [(1, Layer::Near, LIMB_W), (0, Layer::Near, LIMB_W)]
    } else {
        [(1, Layer::Far, FAR_W), (0, Layer::Near, LIMB_W)]
    };
    for (s, layer, w) in sides {
        out.push(line(b.hips[s], b.knees[s], w, layer));
        out.push(line(b.knees[s], b.ankles[s], w, layer));
        out.push(line(b.ankles[s], b.toes[s], w, layer));
        out.push(line(b.shoulders[s], b.elbows[s], w, layer));
        out.push(line(b.elbows[s], b.hands[s], w, layer));
    }
    out.push(Shape::Curve {
        a: b.hip,
        c: b.spine_pull,
        b: b.shoulder,
        width: TRUNK_W,
        layer: Layer::Near,
    });
    if b.front {
        out.push(line(b.shoulders[0], b.shoulders[1], LIMB_W, Layer::Near));
        out.push(line(b.hips[0], b.hips[1], LIMB_W, Layer::Near));
    }
    let toward_head = b.head.minus(b.shoulder);
    let neck_end = b
        .shoulder
        .plus(toward_head.times(1.0 - HEAD_R / toward_head.len().max(HEAD_R)));
    out.push(line(b.shoulder, neck_end, LIMB_W, Layer::Near));
    out.push(Shape::Disc {
        c: b.head,
        r: HEAD_R,
        layer: Layer::Near,
    });
}

/// A plain seat under a seated figure that names no chair.
fn stool(start: &Body, out: &mut Vec<Shape>) {
    let top = start.hip.y - 0.6;
    let (x0, x1) = (start.hip.x - 1.6, start.hip.x + 1.6);
    out.push(line(
        P::new(x0, top),
        P::new(x1, top),
        PROP_W * 1.5,
        Layer::Prop,
    ));
    out.push(line(
        P::new(start.hip.x, top),
        P::new(start.hip.x, 0.0),
        PROP_W,
        Layer::Prop,
    ));
}

/// The x direction the figure's front is toward (+1 right, -1 left), from
/// where its toes point; lying figures' "front" is where the feet are.
fn facing(b: &Body) -> f32 {
    if b.toes[0].x >= b.ankles[0].x {
        1.0
    } else {
        -1.0
    }
}

fn prop_shapes(prop: Prop, start: &Body, now: &Body, out: &mut Vec<Shape>) {
    let top = start.points().map(|p| p.y).fold(0.0, f32::max) + 2.0;
    let min_x = start.points().map(|p| p.x).fold(f32::MAX, f32::min);
    let prop_line = |a: P, b: P| line(a, b, PROP_W, Layer::Prop);
    match prop {
        Prop::Wall => {
            let x = min_x.min(start.head.x - HEAD_R) - 0.6;
            out.push(line(
                P::new(x, 0.0),
                P::new(x, top),
                PROP_W * 1.5,
                Layer::Prop,
            ));
        }
        Prop::Post => {
            let reach = |s: usize| (start.hands[s].x - start.shoulder.x).abs();
            let hand = start.hands[if reach(1) > reach(0) { 1 } else { 0 }];
            let side = if hand.x >= start.shoulder.x {
                1.0
            } else {
                -1.0
            };
            let x = hand.x + 0.5 * side;
            out.push(line(
                P::new(x, 0.0),
                P::new(x, top),
                PROP_W * 1.5,
                Layer::Prop,
            ));
        }
        Prop::Chair if start.front => {
            let seat = start.hip.y - 0.6;
            let (a, b) = (start.hip.x - 2.4, start.hip.x + 2.4);
            out.push(line(
                P::new(a, seat),
                P::new(b, seat),
                PROP_W * 1.5,
                Layer::Prop,
            ));
            out.push(prop_line(P::new(a, seat), P::new(a, 0.0)));
            out.push(prop_line(P::new(b, seat), P::new(b, 0.0)));
        }
        Prop::Chair => {
            let seat = start.hip.y - 0.6;
            let f = facing(start);
            let back = start.hip.x - 1.6 * f;
            let front = start.hip.x + 2.4 * f;
            out.push(line(
                P::new(back, seat),
                P::new(front, seat),
                PROP_W * 1.5,
                Layer::Prop,
            ));
            out.push(prop_line(P::new(front, seat), P::new(front, 0.0)));
            out.push(prop_line(P::new(back, 0.0), P::new(back, seat + 5.0)));
        }
        Prop::Bench => {
            let candidates = [
                start.hip,
                start.knees[0],
                start.knees[1],
                start.ankles[0],
                start.ankles[1],
                start.hands[0],
                start.hands[1],
            ];
            let raised = candidates.iter().filter(|p| p.y > 1.5);
            let Some(height) = raised.clone().map(|p| p.y).reduce(f32::min) else {
                return;
            };
            let on: Vec<f32> = raised
                .filter(|p| (p.y - height).abs() < 1.0)
                .map(|p| p.x)
                .collect();
            let x0 = on.iter().copied().fold(f32::MAX, f32::min) - 1.5;
            let x1 = on.iter().copied().fold(f32::MIN, f32::max) + 1.5;
            let pad = height - 0.5;
            out.push(line(
                P::new(x0, pad),
                P::new(x1, pad),
                PROP_W * 2.0,
                Layer::Prop,
            ));
            out.push(prop_line(P::new(x0 + 0.5, pad), P::new(x0 + 0.5, 0.0)));
            out.push(prop_line(P::new(x1 - 0.5, pad), P::new(x1 - 0.5, 0.0)));
        }
        Prop::Incline => {
            // A pad under the chest, along the trunk, on the side facing down.
            let along = start.shoulder.minus(start.hip);
            let normal = P::new(along.y, -along.x).times(1.0 / along.len().max(0.01));
            let normal = if normal.y > 0.0 {
                normal.times(-1.0)
            } else {
                normal
            };
            let a = start.hip.plus(along.times(0.15)).plus(normal.times(0.8));
            let b = start.hip.plus(along.times(0.85)).plus(normal.times(0.8));
            out.push(line(a, b, PROP_W * 2.0, Layer::Prop));
            let low = if a.y < b.y { a } else { b };
            let high = if a.y < b.y { b } else { a };
            out.push(prop_line(low, P::new(low.x, 0.0)));
            out.push(prop_line(high, P::new(high.x, 0.0)));
        }
        Prop::HipPad => {
            // Under the front of the thighs, just below the hip; a post to
            // the floor and a plate under the feet.
            let knee = start.knees[0];
            let along = knee.minus(start.hip);
            let normal = P::new(along.y, -along.x).times(1.0 / along.len().max(0.01));
            let normal = if normal.y > 0.0 {
                normal.times(-1.0)
            } else {
                normal
            };
            let a = start.hip.plus(along.times(0.1)).plus(normal.times(0.8));
            let b = start.hip.plus(along.times(0.45)).plus(normal.times(0.8));
            out.push(line(a, b, PROP_W * 2.5, Layer::Prop));
            let foot = start.ankles[0];
            out.push(prop_line(a.mid(b), P::new(a.mid(b).x, 0.0)));
            out.push(prop_line(
                P::new(foot.x - 1.0, 0.3),
                P::new(foot.x + 1.0, 0.3),
            ));
        }
        Prop::Bike => {
            let saddle = P::new(start.hip.x, start.hip.y - 0.6);
            let crank = start.ankles[0].mid(start.ankles[1]);
            let bars = start.hands[0];
            let r = (start.ankles[0].minus(start.ankles[1]).len() / 2.0).max(0.8);
            out.push(line(
                saddle.plus(P::new(-1.2, 0.0)),
                saddle.plus(P::new(1.0, 0.0)),
                PROP_W * 1.5,
                Layer::Prop,
            ));
            out.push(prop_line(saddle, crank));
            out.push(prop_line(crank, bars.plus(P::new(0.0, -0.4))));
            out.push(Shape::Ring {
                c: crank,
                r,
                width: PROP_W,
                layer: Layer::Prop,
            });
            out.push(prop_line(
                P::new(crank.x - 4.0, 0.0),
                P::new(crank.x + 4.0, 0.0),
            ));
            out.push(prop_line(crank, P::new(crank.x, 0.0)));
        }
        Prop::Roller => {
            let back = start.hip.mid(start.shoulder).mid(start.spine_pull);
            let r = (back.y / 2.0).clamp(0.6, 1.6);
            out.push(Shape::Ring {
                c: P::new(back.x, r),
                r,
                width: PROP_W,
                layer: Layer::Prop,
            });
        }
        Prop::Band => {
            let hand = start.hands[0];
            let pull = hand.minus(start.elbows[0]);
            let pull = pull.times(1.0 / pull.len().max(0.01));
            let anchor = hand.plus(pull.times(5.0));
            out.push(prop_line(now.hands[0], anchor));
            out.push(Shape::Disc {
                c: anchor,
                r: 0.5,
                layer: Layer::Prop,
            });
        }
        Prop::BandApart => out.push(prop_line(now.hands[0], now.hands[1])),
        Prop::MiniBand => {
            let at = |s: usize| now.hips[s].plus(now.knees[s].minus(now.hips[s]).times(0.8));
            if now.front {
                out.push(prop_line(at(0), at(1)));
            } else {
                out.push(Shape::Ring {
                    c: at(0),
                    r: 0.7,
                    width: PROP_W,
                    layer: Layer::Prop,
                });
            }
        }
        Prop::Strap => out.push(prop_line(now.hands[0], now.toes[0])),
        Prop::Dumbbells => {
            for s in [1, 0] {
                out.push(Shape::Disc {
                    c: now.hands[s],
                    r: 0.65,
                    layer: Layer::Prop,
                });
            }
        }
        Prop::Dumbbell => out.push(Shape::Disc {
            c: now.hands[0],
            r: 0.65,
            layer: Layer::Prop,
        }),
        Prop::Barbell => out.push(Shape::Ring {
            c: now.hands[0],
            r: 2.0,
            width: PROP_W * 1.5,
            layer: Layer::Prop,
        }),
        Prop::Bar => {
            let hand = start.hands[0];
            let y = hand.y + 0.2;
            out.push(line(
                P::new(hand.x - 2.5, y),
                P::new(hand.x + 2.5, y),
                PROP_W * 1.5,
                Layer::Prop,
            ));
        }
    }
}
