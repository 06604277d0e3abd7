//! Reporters: one function per output format, each taking the finished [`Outcome`].

pub mod clean;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::config::Config;
use crate::Outcome;
pub use clean::clean;

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
