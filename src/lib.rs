//! factlint: a source cross-check and consistency linter for news articles.
//!
//! Data flows one way: [`corpus`] loads documents, [`extract`] reads the
//! facts they state, [`checks`] compare them with each other and with the
//! [`rules`], and [`report`] renders the resulting [`Diagnostic`] list.
//! [`engine`] wires the stages together. The library never prints.

pub mod checks;
pub mod config;
pub mod corpus;
pub mod diagnostic;
pub mod engine;
pub mod eval;
pub mod excerpt;
pub mod extract;
pub mod fact_index;
pub mod fact_records;
pub mod fact_tables;
pub mod fix;
#[doc(hidden)]
pub mod fuzz_targets;
pub mod lsp_transport;
pub mod output;
pub mod report;
pub mod rules;
pub mod span;

pub use diagnostic::{Diagnostic, Kind, Severity};
