//! A value at a place: the one shape every extractor uses for "this value, written there, and
//! how it got there". Rules read the value, report at `span` or `value_span`, and turn the
//! provenance into related locations.

use crate::source::{Source, Span};

/// A value with its place in the scanned file and its provenance.
#[derive(Clone, Debug)]
pub struct Located<T = String> {
    pub value: T,
    /// The whole setting as written: key and value, a flag element, a list item.
    pub span: Span,
    /// The value alone when it has its own span, else the same as `span`.
    pub value_span: Span,
    pub provenance: Provenance,
}

/// How a value came to be what it is.
#[derive(Clone, Debug, Default)]
pub enum Provenance {
    /// Written at its span.
    #[default]
    Written,
    /// Written elsewhere and carried here (a variable default, a tfvars entry, a module
    /// argument, a merge key): the places, the one that set the value first.
    Via(Vec<Place>),
}

/// A place that set a value, possibly in another file.
#[derive(Clone, Debug)]
pub struct Place {
    /// `None`: the file being checked.
    pub file: Option<Source>,
    pub span: Span,
    /// What the place is: `default of variable "cidrs"`, `terraform.tfvars sets "cidrs"`. May
    /// place the value itself with `{value}`.
    pub note: String,
}

/// A related location as rules report it: a place, possibly in another file, and what it says.
#[derive(Clone, Debug)]
pub struct RelatedPlace {
    /// `None`: the file being checked.
    pub file: Option<Source>,
    pub span: Span,
    pub message: String,
}

impl Place {
    /// The related location for a finding about `value`.
    pub fn related(&self, value: &str) -> RelatedPlace {
        let message = if self.note.contains("{value}") {
            self.note.replace("{value}", value)
        } else {
            format!("{value} comes from the {}", self.note)
        };
        RelatedPlace {
            file: self.file.clone(),
            span: self.span,
            message,
        }
    }
}

impl<T> Located<T> {
    /// A value written at `span`, with the value alone at `value_span`.
    pub fn written(value: T, span: Span, value_span: Span) -> Located<T> {
        Located {
            value,
            span,
            value_span,
            provenance: Provenance::Written,
        }
    }

    /// A value written at `span`, which is also the value's own span.
    pub fn at(value: T, span: Span) -> Located<T> {
        Located::written(value, span, span)
    }

    /// The places that set the value when it was not written at its span.
    pub fn places(&self) -> &[Place] {
        match &self.provenance {
            Provenance::Via(places) => places,
            _ => &[],
        }
    }

    /// Related locations for a finding about this value, shown as `shown`.
    pub fn related(&self, shown: &str) -> Vec<RelatedPlace> {
        self.places().iter().map(|p| p.related(shown)).collect()
    }
}
