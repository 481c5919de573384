//! Bringing a ward's returned self-assessment into the working file: each cell compared three
//! ways, field by field — as the form was sent, as it came back, as the working file has it
//! now. What only the ward changed is a change; what the working file changed meanwhile and
//! the ward did not stays; what both changed differently is a conflict, settled by the person
//! (keep mine, take theirs) before anything is written.

use uuid::Uuid;

use super::error::RuleError;
use super::lang::Lang;
use super::points::{ScoreError, micro, parse_number};
use super::scoring::Criterion;
use super::sheet::score_cell;

/// A cell's self-assessment: the value, its evidence reference and the explanation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentCell {
    pub value: Option<f64>,
    pub evidence: String,
    pub note: String,
}

impl SentCell {
    /// Two values the same to the millionth (none: no value).
    pub fn same_value(a: Option<f64>, b: Option<f64>) -> bool {
        a.map(micro) == b.map(micro)
    }
}

/// A criterion's row of a returned form, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    /// Its line in the sheet, from 1.
    pub line: usize,
    pub code: String,
    pub value: String,
    pub evidence: String,
    pub note: String,
    /// What the form said when it was sent (hidden columns).
    pub sent_value: String,
    pub sent_evidence: String,
    pub sent_note: String,
}

/// Which side wins a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    Mine,
    Theirs,
}

/// One cell the returned form changes.
#[derive(Debug, Clone, PartialEq)]
pub struct CellChange {
    pub criterion_id: Uuid,
    pub code: String,
    /// As the working file has it now.
    pub old: SentCell,
    /// As the returned form has it (the fields it did not change: as the working file has them).
    pub new: SentCell,
    /// Value, evidence, note: changed on both sides since the form was sent, differently.
    pub conflicts: [bool; 3],
}

impl CellChange {
    pub fn is_conflict(&self) -> bool {
        self.conflicts.iter().any(|c| *c)
    }

    /// What the cell becomes: none while a conflict is unsettled.
    pub fn resolved(&self, take: Option<Take>) -> Option<SentCell> {
        if !self.is_conflict() {
            return Some(self.new.clone());
        }
        match take? {
            Take::Theirs => Some(self.new.clone()),
            Take::Mine => Some(SentCell {
                value: if self.conflicts[0] {
                    self.old.value
                } else {
                    self.new.value
                },
                evidence: if self.conflicts[1] {
                    self.old.evidence.clone()
                } else {
                    self.new.evidence.clone()
                },
                note: if self.conflicts[2] {
                    self.old.note.clone()
                } else {
                    self.new.note.clone()
                },
            }),
        }
    }
}

/// What is wrong with a returned form's rows.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeProblem {
    UnknownCode {
        line: usize,
        code: String,
    },
    SameCode {
        code: String,
        first: usize,
        again: usize,
    },
    BadValue {
        line: usize,
        code: String,
        error: ScoreError,
    },
    BadText {
        line: usize,
        code: String,
        error: RuleError,
    },
}

impl MergeProblem {
    pub fn message(&self, lang: Lang) -> String {
        let row = lang.pick("Dòng", "row");
        match self {
            MergeProblem::UnknownCode { line, code } => match lang {
                Lang::Vi => format!("Dòng {line}: không có tiêu chí mã \"{code}\""),
                Lang::En => format!("row {line}: no criterion with code \"{code}\""),
            },
            MergeProblem::SameCode { code, first, again } => match lang {
                Lang::Vi => format!("Tiêu chí \"{code}\" có ở cả dòng {first} và dòng {again}"),
                Lang::En => format!("criterion \"{code}\" is in both row {first} and row {again}"),
            },
            MergeProblem::BadValue { line, code, error } => {
                format!("{row} {line} ({code}): {}", error.message(lang))
            }
            MergeProblem::BadText { line, code, error } => {
                format!("{row} {line} ({code}): {}", error.message(lang))
            }
        }
    }
}

/// One field three ways — as the working file has it, as sent, as returned: (what it becomes
/// when the returned side wins, changed, conflict).
pub fn field<T: Clone>(
    working: &T,
    sent: &T,
    returned: &T,
    same: impl Fn(&T, &T) -> bool,
) -> (T, bool, bool) {
    if same(returned, working) || same(returned, sent) {
        (working.clone(), false, false)
    } else if same(working, sent) {
        (returned.clone(), true, false)
    } else {
        (returned.clone(), true, true)
    }
}

/// The changes a returned form makes, cell by cell, or every problem in it. `working` gives a
/// criterion's self-assessment as the working file has it now.
pub fn compare(
    criteria: &[Criterion],
    working: impl Fn(&Criterion) -> SentCell,
    rows: &[FormRow],
) -> Result<Vec<CellChange>, Vec<MergeProblem>> {
    let mut problems = Vec::new();
    let mut changes = Vec::new();
    let mut seen: std::collections::HashMap<Uuid, usize> = std::collections::HashMap::new();
    for row in rows {
        let Some(c) = criteria.iter().find(|c| c.code == row.code) else {
            problems.push(MergeProblem::UnknownCode {
                line: row.line,
                code: row.code.clone(),
            });
            continue;
        };
        if let Some(first) = seen.insert(c.criterion_id, row.line) {
            problems.push(MergeProblem::SameCode {
                code: c.code.clone(),
                first,
                again: row.line,
            });
            continue;
        }
        let value = match score_cell(c, &row.value) {
            Ok(v) => v,
            Err(error) => {
                problems.push(MergeProblem::BadValue {
                    line: row.line,
                    code: c.code.clone(),
                    error,
                });
                continue;
            }
        };
        let text = |t: &str| super::text::clean_text(t, 2000);
        let (evidence, note) = match (text(&row.evidence), text(&row.note)) {
            (Ok(e), Ok(n)) => (e, n),
            (Err(error), _) | (_, Err(error)) => {
                problems.push(MergeProblem::BadText {
                    line: row.line,
                    code: c.code.clone(),
                    error,
                });
                continue;
            }
        };
        let sent = SentCell {
            value: parse_number(&row.sent_value).ok(),
            evidence: row.sent_evidence.clone(),
            note: row.sent_note.clone(),
        };
        let old = working(c);
        let (v, v_changed, v_conflict) = field(&old.value, &sent.value, &value, |a, b| {
            SentCell::same_value(*a, *b)
        });
        let (e, e_changed, e_conflict) =
            field(&old.evidence, &sent.evidence, &evidence, |a, b| a == b);
        let (n, n_changed, n_conflict) = field(&old.note, &sent.note, &note, |a, b| a == b);
        if v_changed || e_changed || n_changed {
            changes.push(CellChange {
                criterion_id: c.criterion_id,
                code: c.code.clone(),
                new: SentCell {
                    value: v,
                    evidence: e,
                    note: n,
                },
                old,
                conflicts: [v_conflict, e_conflict, n_conflict],
            });
        }
    }
    if problems.is_empty() {
        Ok(changes)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::CriterionKind;

    fn criterion(code: &str, kind: CriterionKind) -> Criterion {
        Criterion {
            criterion_id: Uuid::new_v5(&Uuid::NAMESPACE_OID, code.as_bytes()),
            group_id: Uuid::nil(),
            code: code.into(),
            name: code.into(),
            guidance: String::new(),
            kind,
            max_points: 4.0,
            step: 0.5,
            rate_mode: None,
            thresholds: vec![],
            evidence_required: false,
            required_for_pass: false,
        }
    }

    fn row(line: usize, code: &str, value: &str, sent: &str) -> FormRow {
        FormRow {
            line,
            code: code.into(),
            value: value.into(),
            evidence: String::new(),
            note: String::new(),
            sent_value: sent.into(),
            sent_evidence: String::new(),
            sent_note: String::new(),
        }
    }

    #[test]
    fn a_cell_changed_on_both_sides_is_a_conflict_settled_either_way() {
        let criteria = [
            criterion("1.1", CriterionKind::Points),
            criterion("1.2", CriterionKind::YesNo),
            criterion("1.3", CriterionKind::Points),
            criterion("1.4", CriterionKind::Points),
        ];
        // The working file: 1.1 as sent (2), 1.2 as sent (empty), 1.3 changed to 3 since,
        // 1.4 changed to 1 since.
        let working = |c: &Criterion| SentCell {
            value: match c.code.as_str() {
                "1.1" => Some(2.0),
                "1.3" => Some(3.0),
                "1.4" => Some(1.0),
                _ => None,
            },
            ..SentCell::default()
        };
        let rows = [
            row(7, "1.1", "3,5", "2"), // the ward's change
            row(8, "1.2", "có", ""),   // the ward's change
            row(9, "1.3", "2", "2"),   // the ward did not touch it: mine stays
            row(10, "1.4", "4", "2"),  // both changed: a conflict
        ];
        let changes = compare(&criteria, working, &rows).expect("no problems");
        assert_eq!(changes.len(), 3);
        assert_eq!(changes[0].new.value, Some(3.5));
        assert_eq!(changes[1].new.value, Some(1.0));
        let conflict = &changes[2];
        assert!(conflict.is_conflict() && !changes[0].is_conflict());
        assert_eq!(conflict.resolved(None), None);
        assert_eq!(
            conflict.resolved(Some(Take::Mine)).and_then(|c| c.value),
            Some(1.0)
        );
        assert_eq!(
            conflict.resolved(Some(Take::Theirs)).and_then(|c| c.value),
            Some(4.0)
        );
    }

    #[test]
    fn a_bad_row_is_refused_naming_its_line() {
        let criteria = [criterion("1.1", CriterionKind::Points)];
        let working = |_: &Criterion| SentCell::default();
        let problems = compare(
            &criteria,
            working,
            &[
                row(7, "1.1", "9", ""),
                row(8, "9.9", "1", ""),
                row(9, "1.1", "1", ""),
            ],
        )
        .expect_err("refused");
        assert_eq!(problems.len(), 3);
        assert!(problems[0].message(Lang::Vi).starts_with("Dòng 7 (1.1)"));
        assert!(problems[2].message(Lang::Vi).contains("dòng 7 và dòng 9"));
    }
}
