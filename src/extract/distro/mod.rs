//! Distributions and installers whose configs lower into the shared facts: each module reads
//! one distribution's files and applies that distribution's defaults.

pub mod eksctl;
pub mod kops;
pub mod openshift;
pub mod talos;
