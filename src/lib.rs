//! giaoban: the desk of an IT steering committee's secretary.
//!
//! - [`domain`]: the rules and types, pure.
//! - [`store`]: the document (one SQLite file); the only place SQL lives.
//! - [`app`]: application state, the command queue, undo, notifications, file dialogs.
//! - [`ui`]: panels and widgets; draws from the state and emits commands.
//! - [`cli`]: the command line.

pub mod app;
pub mod assets;
pub mod charts;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod export;
pub mod host;
pub mod store;
pub mod ui;
