//! giaoban: the desk of an IT steering committee's secretary.
//!
//! Layers, each using only those below it (`ARCHITECTURE.md`; `tests/architecture.rs` checks):
//!
//! - [`ui`]: the window ([`ui::GiaobanApp`]), its panels and the one list of the person's
//!   commands and keys; draws from the state and emits commands, never writes.
//! - [`app`]: the program's state ([`app::App`]) and the one door for every change: the command
//!   queue, undo, notifications, the file's actions.
//! - [`cli`]: the command line, a file per group of commands; no window state.
//! - [`export`]: the notice (DOCX, PDF) and the deck (PDF).
//! - [`charts`]: a chart's numbers from the store, drawn as PNG or SVG.
//! - [`store`]: the document (one SQLite file); the only place SQL lives.
//! - [`domain`]: the rules and types, pure: no egui, no SQLite, no clock.
//! - [`demo`]: the demo document from the source articles, as domain data.
//! - [`assets`], [`host`]: the bundled fonts; what the machine says. Usable by every layer
//!   (but the domain, which reads nothing of the machine).

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
