//! A value at a place: the one shape every extractor uses for "this value, written there, and
//! how it got there". Rules read the value, report at `span` or `value_span`, and turn the
//! provenance into related locations.

use crate::source::{Source, Span};
use std::sync::Arc;

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
    /// place the value itself with `{value}`. `None`: "value written here". Shared, because
    /// every Terraform value carries its place.
    pub note: Option<Arc<str>>,
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
    pub fn new(file: Option<Source>, span: Span, note: impl Into<Arc<str>>) -> Place {
        Place {
            file,
            span,
            note: Some(note.into()),
        }
    }

    /// What the place is.
    pub fn note(&self) -> &str {
        self.note.as_deref().unwrap_or("value written here")
    }

    /// The related location for a finding about `value`.
    pub fn related(&self, value: &str) -> RelatedPlace {
        let note = self.note();
        let message = if note.contains("{value}") {
            note.replace("{value}", value)
        } else {
            format!("{value} comes from the {note}")
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

    /// The value set at `origin` when that is not its span (a variable default, a tfvars entry).
    pub fn with_origin(mut self, origin: Option<Place>) -> Located<T> {
        self.set_origin(origin);
        self
    }

    pub fn set_origin(&mut self, origin: Option<Place>) {
        self.provenance = match origin {
            Some(p) => Provenance::Via(vec![p]),
            None => Provenance::Written,
        };
    }

    /// The place that set the value first, when it was not written at its span.
    pub fn origin(&self) -> Option<&Place> {
        self.places().first()
    }

    /// The value, keeping the place and provenance.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Located<U> {
        Located {
            value: f(self.value),
            span: self.span,
            value_span: self.value_span,
            provenance: self.provenance,
        }
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

/// A fact that is a located value plus what names it (a flag name, a settings path): reads of
/// `value`, `span` and `value_span` go to its `at`.
macro_rules! located_fact {
    ($($t:ty => $v:ty),*) => {$(
        impl std::ops::Deref for $t {
            type Target = $crate::facts::Located<$v>;
            fn deref(&self) -> &$crate::facts::Located<$v> {
                &self.at
            }
        }
        impl std::ops::DerefMut for $t {
            fn deref_mut(&mut self) -> &mut $crate::facts::Located<$v> {
                &mut self.at
            }
        }
    )*};
}
pub(crate) use located_fact;
