//! A whole document as plain values: what the demo builder produces and the store writes in
//! one transaction. Also used by tests and benchmarks to make files of any size.

use serde::{Deserialize, Serialize};

use super::meeting::{ActionItem, AgendaItem, Attendee, Conclusion, Meeting};
use super::org::{Body, Person, Unit};
use super::plan::{Measurement, Plan, Target, Task, UnitCheck};
use super::scoring::{Band, CriteriaGroup, CriteriaSet, Criterion, Model, Period, ScoreCell};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Seed {
    pub body: Option<Body>,
    pub units: Vec<Unit>,
    pub people: Vec<Person>,
    pub plans: Vec<Plan>,
    pub targets: Vec<Target>,
    pub measurements: Vec<Measurement>,
    pub unit_checks: Vec<UnitCheck>,
    pub tasks: Vec<Task>,
    pub models: Vec<Model>,
    pub sets: Vec<CriteriaSet>,
    pub groups: Vec<CriteriaGroup>,
    pub criteria: Vec<Criterion>,
    pub bands: Vec<Band>,
    pub periods: Vec<Period>,
    pub scores: Vec<ScoreCell>,
    pub meetings: Vec<Meeting>,
    pub attendees: Vec<Attendee>,
    pub agenda: Vec<AgendaItem>,
    pub conclusions: Vec<Conclusion>,
    pub actions: Vec<ActionItem>,
    /// Document settings (key, value), e.g. the committee's name or the demo marker.
    pub settings: Vec<(String, String)>,
}
