//! Judgements on URLs written in configs.

/// The lower-cased scheme of a URL (`http` for `HTTP://x`), empty when there is none.
pub fn url_scheme(url: &str) -> String {
    match url.split_once("://") {
        Some((s, _)) => s.trim().to_ascii_lowercase(),
        None => String::new(),
    }
}
