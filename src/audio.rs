//! Sound cues through rodio.
