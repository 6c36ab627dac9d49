//! Figures of the exercises, drawn in the terminal: a pose is data (a base
//! posture, joint angles, props: [`pose`]), the body is geometry worked out
//! from it ([`body`]), and drawing turns that into characters ([`draw`]).
//! Nothing here knows about sessions, screens or the catalog: it sits at the
//! bottom of the house, beside `domain`.

pub mod body;
pub mod draw;
pub mod pose;

pub use draw::{Ink, Mode, Picture, picture};
pub use pose::{Anchor, Angles, Base, Figure, Lead, Pose, Prop, Viewpoint};
