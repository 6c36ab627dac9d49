//! A figure as data: a base posture, the joint angles of its start and end
//! poses that differ from the base, and the props that matter. Nothing here
//! draws; `build.rs` compiles this file with the catalog's model, so it uses
//! nothing of the crate but itself (serde only).
//!
//! Angles are whole degrees and absolute: each one is the direction a body
//! segment points in the picture, not a bend at a joint. In the side view the
//! figure faces right: 0 points the way it faces, 90 straight up, -90 straight
//! down, 180 back; its left side is toward you (drawn bolder). So a person on
//! all fours has `trunk: 0` (hip to shoulder points ahead) and arms at -90; a
//! person lying face up has the head on the left (`trunk: 180`). In the front
//! view the figure faces you and its left side is on the right of the picture:
//! a left arm held out sideways is at 0, a right one at 180.

use serde::{Deserialize, Serialize};

/// The posture a figure starts from; a pose lists only the joints that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Base {
    /// Upright on both feet, arms hanging (side view).
    Standing,
    /// Sitting upright on a seat, thighs level, hands on the thighs (side view).
    Seated,
    /// Upright on both knees, shins along the floor (side view).
    Kneeling,
    /// On hands and knees, hands under the shoulders, knees under the hips (side view).
    AllFours,
    /// Lying on the back, knees bent, feet flat, head on the left (side view).
    FaceUp,
    /// Lying on the front, arms by the sides, legs long, head on the right (side view).
    FaceDown,
    /// Lying on the right side, legs long and stacked, head on the left (front view).
    SideLying,
}

/// Where the picture is seen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Viewpoint {
    /// From the figure's left side: bends, lifts and hinges show best.
    Side,
    /// From in front: arms out to the sides, a head tilt, a leg lifted sideways.
    Front,
}

/// The side a per-side exercise's poses are written for; the other side is
/// drawn as its mirror image.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lead {
    /// The poses show the left side working (the usual order of a session).
    #[default]
    Left,
    /// The poses show the right side working.
    Right,
}

/// The point of the body that stays put while the figure moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Anchor {
    /// Midway between the feet (standing).
    Feet,
    /// The left foot (a lunge's back foot, the standing leg of a swing).
    FootL,
    /// The right foot.
    FootR,
    /// Midway between the knees (kneeling, all fours).
    Knees,
    /// The hip (seated, lying face down or on the side).
    Hip,
    /// The shoulders (lying face up: a bridge lifts the hips, not the head).
    Shoulders,
    /// The hands (hanging from a bar).
    Hands,
}

/// Equipment and surroundings drawn with the figure, in a quieter style.
/// Fixed ones are placed from the start pose and stay put; held ones move
/// with the hands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Prop {
    /// A wall just behind the figure (back to the wall).
    Wall,
    /// A door frame, wall edge or chair back just beyond the hand that
    /// reaches out furthest (held or leaned on).
    Post,
    /// A chair: seat under the hips and a backrest.
    Chair,
    /// A flat bench under the raised knee, shin, hand or hip that rests on it.
    Bench,
    /// An inclined pad under the chest (chest-supported rows).
    Incline,
    /// The hip pad and foot plate of a back-extension bench.
    HipPad,
    /// An exercise bike: saddle, handlebars, pedals.
    Bike,
    /// A foam roller under the middle of the back.
    Roller,
    /// A band or cable from the hands to its anchor, along the start pose's forearms.
    Band,
    /// A band held between the two hands.
    BandApart,
    /// A mini band around the thighs, just above the knees.
    MiniBand,
    /// A towel or strap from the hands around the foot.
    Strap,
    /// A dumbbell (or kettlebell) in each hand.
    Dumbbells,
    /// One dumbbell, in the near hand (the left in the side view).
    Dumbbell,
    /// A barbell with its plates, in the hands.
    Barbell,
    /// A bar overhead that the hands hang from.
    Bar,
}

/// One pose: the angles that differ from the base. A limb's upper part given
/// without its lower part comes out straight (`arm_r: 0` is a whole arm
/// reaching ahead); a foot keeps the base's angle unless given; the head
/// follows the trunk unless given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pose {
    /// Neck to head.
    #[serde(default)]
    pub head: Option<i16>,
    /// Hip to shoulders (the straight line between them).
    #[serde(default)]
    pub trunk: Option<i16>,
    /// How much the back curves between hip and shoulders, -90 to 90:
    /// positive rounds it (a cat), negative arches it (a cow).
    #[serde(default)]
    pub spine: Option<i16>,
    /// Left shoulder to elbow.
    #[serde(default)]
    pub arm_l: Option<i16>,
    /// Left elbow to hand.
    #[serde(default)]
    pub forearm_l: Option<i16>,
    /// Right shoulder to elbow.
    #[serde(default)]
    pub arm_r: Option<i16>,
    /// Right elbow to hand.
    #[serde(default)]
    pub forearm_r: Option<i16>,
    /// Left hip to knee.
    #[serde(default)]
    pub thigh_l: Option<i16>,
    /// Left knee to ankle.
    #[serde(default)]
    pub shin_l: Option<i16>,
    /// Left heel to toes.
    #[serde(default)]
    pub foot_l: Option<i16>,
    /// Right hip to knee.
    #[serde(default)]
    pub thigh_r: Option<i16>,
    /// Right knee to ankle.
    #[serde(default)]
    pub shin_r: Option<i16>,
    /// Right heel to toes.
    #[serde(default)]
    pub foot_r: Option<i16>,
    /// How much of the arms shows, in percent (100 when left out): less when
    /// they point toward you, as arms held out ahead do in the front view.
    #[serde(default)]
    pub arm_reach: Option<i16>,
    /// How much of the thighs shows, in percent: a seated figure seen from
    /// the front has its thighs pointing at you.
    #[serde(default)]
    pub thigh_reach: Option<i16>,
}

/// The figure of one exercise: what the catalog's `figure` field holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The posture both poses start from.
    pub base: Base,
    /// Side or front; the base's own view when left out.
    #[serde(default)]
    pub view: Option<Viewpoint>,
    /// The point that stays put; the base's own when left out.
    #[serde(default)]
    pub anchor: Option<Anchor>,
    /// Which side a per-side exercise's poses show.
    #[serde(default)]
    pub lead: Lead,
    /// Equipment and surroundings.
    #[serde(default)]
    pub props: Vec<Prop>,
    /// Where a repetition starts (and a hold is got into from).
    #[serde(default)]
    pub start: Pose,
    /// The far end of a repetition, the held position, or (for slow cycles)
    /// where the breath in leads.
    #[serde(default)]
    pub end: Pose,
}

/// Every joint of a pose, by the name the catalog uses, with its value.
pub type Joints = [(&'static str, Option<i16>); 15];

impl Pose {
    /// The joints by name, in the order the catalog documents them.
    pub fn joints(&self) -> Joints {
        [
            ("head", self.head),
            ("trunk", self.trunk),
            ("spine", self.spine),
            ("arm_l", self.arm_l),
            ("forearm_l", self.forearm_l),
            ("arm_r", self.arm_r),
            ("forearm_r", self.forearm_r),
            ("thigh_l", self.thigh_l),
            ("shin_l", self.shin_l),
            ("foot_l", self.foot_l),
            ("thigh_r", self.thigh_r),
            ("shin_r", self.shin_r),
            ("foot_r", self.foot_r),
            ("arm_reach", self.arm_reach),
            ("thigh_reach", self.thigh_reach),
        ]
    }
}

/// The values a joint may be given: a direction is -180 to 180 degrees, the
/// spine's bend a curve of at most a right angle either way, a reach a
/// percentage.
pub fn joint_range(joint: &str) -> (i16, i16) {
    match joint {
        "spine" => (-90, 90),
        "arm_reach" | "thigh_reach" => (0, 100),
        _ => (-180, 180),
    }
}

/// A pose with every angle known (degrees, as `f32` so poses can be blended).
/// Index 0 of each pair is the left side, 1 the right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Angles {
    /// Neck to head.
    pub head: f32,
    /// Hip to shoulders.
    pub trunk: f32,
    /// The back's curve (positive rounds it).
    pub spine: f32,
    /// Shoulder to elbow, left and right.
    pub arm: [f32; 2],
    /// Elbow to hand.
    pub forearm: [f32; 2],
    /// Hip to knee.
    pub thigh: [f32; 2],
    /// Knee to ankle.
    pub shin: [f32; 2],
    /// Heel to toes.
    pub foot: [f32; 2],
    /// The share of the arms' length that shows (0–1).
    pub arm_reach: f32,
    /// The share of the thighs' length that shows (0–1).
    pub thigh_reach: f32,
}

impl Base {
    /// The view a figure on this base is drawn in unless it says otherwise.
    pub fn view(self) -> Viewpoint {
        match self {
            Base::SideLying => Viewpoint::Front,
            _ => Viewpoint::Side,
        }
    }

    /// The point that stays put unless the figure says otherwise.
    pub fn anchor(self) -> Anchor {
        match self {
            Base::Standing => Anchor::Feet,
            Base::Kneeling | Base::AllFours => Anchor::Knees,
            Base::FaceUp => Anchor::Shoulders,
            Base::Seated | Base::FaceDown | Base::SideLying => Anchor::Hip,
        }
    }

    /// The base posture's angles.
    pub fn angles(self) -> Angles {
        let both = |a: f32| [a, a];
        match self {
            Base::Standing => Angles {
                head: 90.0,
                trunk: 90.0,
                spine: 0.0,
                arm: both(-84.0),
                forearm: both(-80.0),
                thigh: both(-90.0),
                shin: both(-90.0),
                foot: both(0.0),
                arm_reach: 1.0,
                thigh_reach: 1.0,
            },
            Base::Seated => Angles {
                head: 90.0,
                trunk: 90.0,
                spine: 0.0,
                arm: both(-75.0),
                forearm: both(-15.0),
                thigh: both(0.0),
                shin: both(-90.0),
                foot: both(0.0),
                arm_reach: 1.0,
                thigh_reach: 1.0,
            },
            Base::Kneeling => Angles {
                head: 90.0,
                trunk: 90.0,
                spine: 0.0,
                arm: both(-90.0),
                forearm: both(-90.0),
                thigh: both(-90.0),
                shin: both(180.0),
                foot: both(180.0),
                arm_reach: 1.0,
                thigh_reach: 1.0,
            },
            Base::AllFours => Angles {
                head: 8.0,
                trunk: 14.0,
                spine: 0.0,
                arm: both(-90.0),
                forearm: both(-80.0),
                thigh: both(-90.0),
                shin: both(180.0),
                foot: both(180.0),
                arm_reach: 1.0,
                thigh_reach: 1.0,
            },
            Base::FaceUp => Angles {
                head: 180.0,
                trunk: 180.0,
                spine: 0.0,
                arm: both(0.0),
                forearm: both(0.0),
                thigh: both(50.0),
                shin: both(-50.0),
                foot: both(0.0),
                arm_reach: 1.0,
                thigh_reach: 1.0,
            },
            Base::FaceDown => Angles {
                head: 0.0,
                trunk: 0.0,
                spine: 0.0,
                arm: both(180.0),
                forearm: both(180.0),
                thigh: both(180.0),
                shin: both(180.0),
                foot: both(180.0),
                arm_reach: 1.0,
                thigh_reach: 1.0,
            },
            Base::SideLying => Angles {
                head: 180.0,
                trunk: 180.0,
                spine: 0.0,
                arm: [0.0, 180.0],
                forearm: [0.0, 150.0],
                thigh: both(0.0),
                shin: both(0.0),
                foot: both(0.0),
                arm_reach: 1.0,
                thigh_reach: 1.0,
            },
        }
    }
}

impl Figure {
    /// The view the figure is drawn in.
    pub fn view(&self) -> Viewpoint {
        self.view.unwrap_or(self.base.view())
    }

    /// The point that stays put.
    pub fn anchor(&self) -> Anchor {
        self.anchor.unwrap_or(self.base.anchor())
    }

    /// Every angle of `pose` on this figure's base (see [`Pose`] for the rules).
    pub fn resolve(&self, pose: &Pose) -> Angles {
        let base = self.base.angles();
        let deg = |v: i16| f32::from(v);
        let trunk = pose.trunk.map_or(base.trunk, deg);
        let spine = pose.spine.map_or(base.spine, deg);
        // The head keeps its angle to the trunk, and turns with the end of a
        // curved back.
        let head = pose
            .head
            .map_or(trunk + (base.head - base.trunk) - spine / 2.0, deg);
        let limb = |upper: Option<i16>, lower: Option<i16>, base_upper: f32, base_lower: f32| {
            let u = upper.map_or(base_upper, deg);
            let l = lower.or(upper).map_or(base_lower, deg);
            (u, l)
        };
        let (arm_l, forearm_l) = limb(pose.arm_l, pose.forearm_l, base.arm[0], base.forearm[0]);
        let (arm_r, forearm_r) = limb(pose.arm_r, pose.forearm_r, base.arm[1], base.forearm[1]);
        let (thigh_l, shin_l) = limb(pose.thigh_l, pose.shin_l, base.thigh[0], base.shin[0]);
        let (thigh_r, shin_r) = limb(pose.thigh_r, pose.shin_r, base.thigh[1], base.shin[1]);
        Angles {
            head,
            trunk,
            spine,
            arm: [arm_l, arm_r],
            forearm: [forearm_l, forearm_r],
            thigh: [thigh_l, thigh_r],
            shin: [shin_l, shin_r],
            foot: [
                pose.foot_l.map_or(base.foot[0], deg),
                pose.foot_r.map_or(base.foot[1], deg),
            ],
            arm_reach: pose.arm_reach.map_or(base.arm_reach, |v| deg(v) / 100.0),
            thigh_reach: pose
                .thigh_reach
                .map_or(base.thigh_reach, |v| deg(v) / 100.0),
        }
    }

    /// The pose a fraction `t` of the way from start (0) to end (1); each
    /// direction turns the short way round.
    pub fn angles_at(&self, t: f32) -> Angles {
        let a = self.resolve(&self.start);
        let b = self.resolve(&self.end);
        let t = t.clamp(0.0, 1.0);
        let turn = |x: f32, y: f32| x + shortest(y - x) * t;
        let pair = |x: [f32; 2], y: [f32; 2]| [turn(x[0], y[0]), turn(x[1], y[1])];
        Angles {
            head: turn(a.head, b.head),
            trunk: turn(a.trunk, b.trunk),
            spine: a.spine + (b.spine - a.spine) * t,
            arm: pair(a.arm, b.arm),
            forearm: pair(a.forearm, b.forearm),
            thigh: pair(a.thigh, b.thigh),
            shin: pair(a.shin, b.shin),
            foot: pair(a.foot, b.foot),
            arm_reach: a.arm_reach + (b.arm_reach - a.arm_reach) * t,
            thigh_reach: a.thigh_reach + (b.thigh_reach - a.thigh_reach) * t,
        }
    }
}

/// `d` brought into -180..=180: the short way round (a half turn goes the
/// positive way, counter-clockwise).
fn shortest(d: f32) -> f32 {
    let r = (d + 180.0).rem_euclid(360.0) - 180.0;
    if r == -180.0 { 180.0 } else { r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limb_given_alone_is_straight_and_the_head_follows_the_trunk() {
        let figure = Figure {
            base: Base::AllFours,
            view: None,
            anchor: None,
            lead: Lead::Left,
            props: vec![],
            start: Pose::default(),
            end: Pose {
                arm_r: Some(0),
                trunk: Some(20),
                ..Pose::default()
            },
        };
        let end = figure.resolve(&figure.end);
        assert_eq!((end.arm[1], end.forearm[1]), (0.0, 0.0));
        assert_eq!((end.arm[0], end.forearm[0]), (-90.0, -80.0));
        // The base holds the head 6° below the trunk's line; it keeps that.
        assert_eq!(end.head, 14.0);
    }

    #[test]
    fn blending_turns_the_short_way() {
        assert_eq!(shortest(350.0), -10.0);
        assert_eq!(shortest(-190.0), 170.0);
        assert_eq!(shortest(180.0), 180.0);
        assert_eq!(shortest(-180.0), 180.0);
        let figure = Figure {
            base: Base::FaceDown,
            view: None,
            anchor: None,
            lead: Lead::Left,
            props: vec![],
            start: Pose::default(),
            end: Pose {
                thigh_l: Some(-170),
                ..Pose::default()
            },
        };
        // 180 → -170 is ten degrees on, not 350 back.
        assert_eq!(figure.angles_at(0.5).thigh[0], 185.0);
    }
}
