//! Reporters: one function per output format, each taking the finished [`Outcome`].

pub mod clean;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::config::Config;
use crate::Outcome;
pub use clean::{clean, clean_snippet, is_unsafe_char};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "human" => Format::Human,
            "json" => Format::Json,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            _ => return None,
        })
    }
}

pub fn render(format: Format, outcome: &Outcome, config: &Config, color: bool) -> String {
    match format {
        Format::Human => human::render(outcome, color),
        Format::Json => json::render(outcome),
        Format::Sarif => sarif::render(outcome, config),
        Format::Github => github::render(outcome),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning() {
        assert_eq!(clean("a.yaml"), "a.yaml");
        assert_eq!(clean("a\n::error::x"), "a\\n::error::x");
        assert_eq!(clean("\u{1b}[31mred\u{202e}"), "\\u{1b}[31mred\\u{202e}");
        assert_eq!(clean("\u{85}"), "\\u{85}");
        let s = "k: v\u{1b}\u{202e}\u{85}\r\nx\ry\n";
        let c = clean_snippet(s);
        assert_eq!(c.len(), s.len());
        assert_eq!(c, "k: v?\u{fffd}\u{bf}\r\nx?y\n");
    }
}
