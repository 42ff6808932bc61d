//! Upper and lower case for the person's own words, in any language ("élan", Welsh "ŵ").
//!
//! In the WebAssembly build the JavaScript engine's own `toUpperCase` / `toLowerCase` do it
//! (the same Unicode mapping as Rust's, and not the locale's), so the download carries no
//! Unicode case tables (about 8 KB compressed). Natively, where the tests run, Rust's own
//! methods do it. Fixed English labels are ASCII: use `to_ascii_lowercase` for those.

/// `text` in lower case.
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(text).to_lower_case().into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

/// `text` in upper case.
pub fn upper(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_uppercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(text).to_upper_case().into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_uppercase()
    }
}

/// `text` with its first letter in upper case and the rest as it is: "élan" gives "Élan".
pub fn upper_first(text: &str) -> String {
    with_first(text, upper)
}

/// `text` with its first letter in lower case and the rest as it is: "Élan" gives "élan".
pub fn lower_first(text: &str) -> String {
    with_first(text, lower)
}

fn with_first(text: &str, change: fn(&str) -> String) -> String {
    let Some(first) = text.chars().next() else {
        return String::new();
    };
    let (head, rest) = text.split_at(first.len_utf8());
    let mut out = change(head);
    out.push_str(rest);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn first_letter_in_any_language() {
        assert_eq!(upper_first("élan at work"), "Élan at work");
        assert_eq!(upper_first("ŵyr"), "Ŵyr");
        assert_eq!(upper_first("walk"), "Walk");
        // One letter can become two.
        assert_eq!(upper_first("ßa"), "SSa");
        assert_eq!(upper_first(""), "");
        assert_eq!(upper_first("3 times"), "3 times");
        assert_eq!(lower_first("Élan At Work"), "élan At Work");
        assert_eq!(lower_first("Ŵyr"), "ŵyr");
        assert_eq!(lower_first("Walk"), "walk");
    }

    #[test]
    fn whole_text() {
        assert_eq!(lower("ÉLAN Walk"), "élan walk");
        assert_eq!(upper("élan ŵ"), "ÉLAN Ŵ");
        assert_eq!(lower("Walk"), "walk");
    }

    /// The fixed labels the app writes in lower case with `to_ascii_lowercase` are plain
    /// ASCII, so that gives the same as a full Unicode lower case.
    #[test]
    fn labels_lowered_as_ascii_are_ascii() {
        use crate::domain::{activity, diary, goals, home_safety, workplace};
        let mut labels: Vec<String> = vec![diary::ACTIVATION_SET.to_string()];
        labels.extend(diary::RatingKind::ALL.iter().map(|k| k.label().to_string()));
        labels.extend(
            activity::LifeArea::ALL
                .iter()
                .map(|a| a.label().to_string()),
        );
        labels.extend(workplace::STATUSES.iter().map(|s| s.label().to_string()));
        labels.extend(home_safety::ROOMS.iter().map(|r| r.label().to_string()));
        labels.extend(diary::DAY_KINDS.map(|k| diary::day_kind_label(k).to_string()));
        labels.extend(
            [
                goals::GoalStatus::Active,
                goals::GoalStatus::Paused,
                goals::GoalStatus::Completed,
                goals::GoalStatus::Archived,
            ]
            .map(|s| s.label().to_string()),
        );
        labels.extend(
            [
                goals::TaskFrequency::Once,
                goals::TaskFrequency::Daily,
                goals::TaskFrequency::Weekly { times: 1 },
                goals::TaskFrequency::Weekly { times: 2 },
                goals::TaskFrequency::Weekly { times: 3 },
            ]
            .map(|f| f.label()),
        );
        for label in labels {
            assert!(label.is_ascii(), "{label}");
        }
    }
}
