//! The rules and types of the committee's work. Pure: no window, no file, no SQL.
//! Every rule here can be tested in microseconds.

pub mod audit;
pub mod chart;
pub mod colour;
pub mod criteria;
pub mod deadline;
pub mod edit;
pub mod error;
pub mod lang;
pub mod meeting;
pub mod merge;
pub mod notice;
pub mod org;
pub mod plan;
pub mod points;
pub mod progress;
pub mod record;
pub mod results;
pub mod scoring;
pub mod seed;
pub mod sheet;
pub mod text;
