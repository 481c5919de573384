//! giaoban: the desk of an IT steering committee's secretary.
//!
//! - [`domain`]: the rules and types, pure.
//! - [`store`]: the document (one SQLite file); the only place SQL lives.
//! - [`app`]: application state, the command queue, undo, notifications, file dialogs.
//! - [`ui`]: panels and widgets; draws from the state and emits commands.
//! - [`cli`]: the command line.

pub mod app;
pub mod charts;
pub mod cli;
pub mod cli_charts;
pub mod cli_plans;
pub mod cli_scoring;
pub mod demo;
pub mod domain;
pub mod export;
pub mod store;
pub mod ui;
