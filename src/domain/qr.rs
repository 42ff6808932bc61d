//! A QR code for a link, drawn as SVG (one path, so it stays small in the page). Only links
//! short enough to scan easily from a phone screen get one.

use std::fmt::Write;

use qrcode::{Color, EcLevel, QrCode};

use super::html::Html;

/// Longer links make a QR code too dense to scan reliably from a screen.
pub const MAX_QR_CHARS: usize = 1_200;

/// The QR code of `text` as an SVG element with the given accessible name, or None when the
/// text is too long for a QR code that scans easily.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    if text.len() > MAX_QR_CHARS {
        return None;
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    // A quiet zone of 4 modules all round, as the standard asks.
    let size = width + 8;
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == Color::Dark {
                    x += 1;
                }
                let _ = write!(
                    path,
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                );
            } else {
                x += 1;
            }
        }
    }
    // The label is text (escaped); the numbers and the path are the app's own.
    let mut svg = Html::new();
    crate::html_push!(
        svg,
        "<svg class=\"qr\" viewBox=\"0 0 ",
        size,
        " ",
        size,
        "\" role=\"img\" aria-label=\"",
        label,
        "\" shape-rendering=\"crispEdges\"><rect width=\"",
        size,
        "\" height=\"",
        size,
        "\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
        path,
        "\"/></svg>"
    );
    Some(svg.into_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_links_get_a_code_and_long_ones_do_not() {
        let link = format!("https://example.org/employer#1.w.p.{}", "A".repeat(600));
        let svg = qr_svg(&link, "QR code of the link").unwrap();
        assert!(svg.starts_with("<svg class=\"qr\""));
        assert!(svg.contains("aria-label=\"QR code of the link\""));
        // The label is escaped by the one HTML type.
        let odd = qr_svg(&link, "Sam's \"plan\" <b>").unwrap();
        assert!(odd.contains("aria-label=\"Sam&#39;s &quot;plan&quot; &lt;b&gt;\""));
        assert!(svg.contains("M4 4h7v1h-7z"), "the finder pattern's top row");
        assert!(qr_svg(&"A".repeat(MAX_QR_CHARS + 1), "x").is_none());
    }

    #[test]
    fn the_code_decodes_to_the_link() {
        // Re-encoding gives the same modules: the matrix is what the crate made for the text.
        let link = "https://example.org/employer#1.w.p.abc";
        let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::L).unwrap();
        let dark = code
            .to_colors()
            .iter()
            .filter(|c| **c == Color::Dark)
            .count();
        let svg = qr_svg(link, "x").unwrap();
        let drawn: usize = svg
            .split('h')
            .skip(1)
            .filter_map(|s| s.split('v').next()?.parse::<usize>().ok())
            .sum();
        assert_eq!(drawn, dark);
    }
}
