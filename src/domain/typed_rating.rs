//! The one way a 0–10 discomfort rating is typed, shared by every prompt
//! (the check-in, `r` during a session, the quick check after an exercise,
//! the closing rating): digits then Enter, so `1` `0` is ten and someone in
//! severe pain cannot under-report by a key pressed too soon.

/// Digits typed so far for a 0–10 rating.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedRating {
    typed: String,
}

/// The highest rating.
pub const MAX_RATING: u8 = 10;

impl TypedRating {
    /// Starts with `value` already typed (a prompt reopened to correct it).
    pub fn with(value: u8) -> TypedRating {
        TypedRating {
            typed: value.min(MAX_RATING).to_string(),
        }
    }

    /// Adds a digit when the number stays within 0–10; a leading 0 is
    /// replaced ("0" then "3" is 3). Returns whether the digit was taken.
    pub fn push(&mut self, digit: char) -> bool {
        if !digit.is_ascii_digit() {
            return false;
        }
        let candidate = if self.typed == "0" {
            digit.to_string()
        } else {
            format!("{}{digit}", self.typed)
        };
        let fits = candidate.len() <= 2 && candidate.parse::<u8>().is_ok_and(|v| v <= MAX_RATING);
        if fits {
            self.typed = candidate;
        }
        fits
    }

    /// Deletes the last digit.
    pub fn backspace(&mut self) {
        self.typed.pop();
    }

    /// The number typed, if any.
    pub fn value(&self) -> Option<u8> {
        self.typed.parse().ok()
    }

    /// What has been typed, for the screen ("" when nothing).
    pub fn text(&self) -> &str {
        &self.typed
    }

    /// Whether nothing has been typed.
    pub fn is_empty(&self) -> bool {
        self.typed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &str) -> TypedRating {
        let mut t = TypedRating::default();
        for c in keys.chars() {
            t.push(c);
        }
        t
    }

    #[test]
    fn one_then_zero_is_ten_and_nothing_goes_past_ten() {
        assert_eq!(typed("10").value(), Some(10));
        assert_eq!(typed("1").value(), Some(1));
        assert_eq!(typed("11").value(), Some(1));
        assert_eq!(typed("100").value(), Some(10));
        assert_eq!(typed("07").value(), Some(7));
        assert_eq!(typed("").value(), None);
        assert_eq!(typed("5x").value(), Some(5));
    }

    #[test]
    fn backspace_removes_the_last_digit() {
        let mut t = typed("10");
        t.backspace();
        assert_eq!(t.value(), Some(1));
        t.backspace();
        assert!(t.is_empty());
        assert_eq!(TypedRating::with(12).value(), Some(10));
    }

    proptest::proptest! {
        #[test]
        fn any_keys_give_a_rating_in_range(keys in "[0-9a-z]{0,12}") {
            let t = typed(&keys);
            proptest::prop_assert!(t.value().is_none_or(|v| v <= MAX_RATING));
        }
    }
}
