//! HTML for read-only documents (the employer's plan, a plan file, a QR code), as one type:
//! [`Html`] can only grow by the app's own fixed markup (string literals) or by text, which is
//! always escaped, so text from a person, a link or a file can never be inserted as markup by
//! mistake. Pages a person acts on are Leptos components, not HTML strings.

use std::fmt::{self, Display, Write};

/// Markup built from fixed literals and escaped text. Build it with [`html_push!`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// The app's own fixed markup. Only `'static` text (in practice string literals) fits here.
    pub fn markup(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Text from anywhere (a name, a note, a date, a number), escaped for element content and
    /// quoted attributes.
    pub fn text(&mut self, text: impl Display) -> &mut Html {
        let _ = write!(Escaping(&mut self.0), "{text}");
        self
    }

    /// Another piece of markup built the same way.
    pub fn html(&mut self, other: &Html) -> &mut Html {
        self.0.push_str(&other.0);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For `inner_html` and files.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes what it is given with `&`, `<`, `>`, `"` and `'` escaped.
struct Escaping<'a>(&'a mut String);

impl Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        Ok(())
    }
}

/// Text escaped as a plain string, for the few places that still build a `String`.
pub fn esc(text: &str) -> String {
    let mut h = Html::new();
    h.text(text);
    h.into_string()
}

/// Append to an [`Html`]: each string literal is the app's own markup; every other expression
/// is text and is escaped. `html_push!(h, "<p>Note: ", note, "</p>")`.
#[macro_export]
macro_rules! html_push {
    ($h:expr $(,)?) => {};
    ($h:expr, $markup:literal $(, $($rest:tt)*)?) => {
        $h.markup(concat!($markup));
        $crate::html_push!($h $(, $($rest)*)?);
    };
    ($h:expr, $text:expr $(, $($rest:tt)*)?) => {
        $h.text(&$text);
        $crate::html_push!($h $(, $($rest)*)?);
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_markup_is_kept() {
        let mut h = Html::new();
        let name = "<script>alert('x')</script> & \"Sam\"";
        crate::html_push!(h, "<p class=\"who\">", name, " on ", 5, "</p>");
        assert_eq!(
            h.as_str(),
            "<p class=\"who\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Sam&quot; on 5</p>"
        );
        let mut outer = Html::new();
        outer.markup("<div>").html(&h).markup("</div>");
        assert!(outer
            .as_str()
            .starts_with("<div><p class=\"who\">&lt;script"));
        assert_eq!(esc("a<b"), "a&lt;b");
        assert_eq!(h.to_string(), h.clone().into_string());
    }
}
