//! Deadlines as meetings state them: a day, a month ("trong tháng 01/2018"), a quarter
//! ("trong quý I/2018") or a year. A deadline falls due at the end of its span.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::error::RuleError;
use super::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Deadline {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Year(i32),
}

impl Deadline {
    /// Reads the stored form: `2018-01-31`, `2018-01`, `2018-Q1`, `2018`.
    pub fn parse(text: &str) -> Result<Deadline, RuleError> {
        let t = text.trim();
        let bad = || RuleError::BadDeadline(text.to_string());
        let year_of = |s: &str| -> Result<i32, RuleError> {
            if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let y: i32 = s.parse().map_err(|_| bad())?;
            if (1900..=2200).contains(&y) {
                Ok(y)
            } else {
                Err(bad())
            }
        };
        let parts: Vec<&str> = t.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(Deadline::Year(year_of(y)?)),
            [y, q] if q.starts_with(['Q', 'q']) => {
                let quarter: u32 = q[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&quarter) || q.len() != 2 {
                    return Err(bad());
                }
                Ok(Deadline::Quarter {
                    year: year_of(y)?,
                    quarter,
                })
            }
            [y, m] => {
                let month: u32 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&month) || m.len() != 2 {
                    return Err(bad());
                }
                Ok(Deadline::Month {
                    year: year_of(y)?,
                    month,
                })
            }
            [_, _, _] => NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .map(Deadline::Day)
                .map_err(|_| bad()),
            _ => Err(bad()),
        }
    }

    /// The last day of the deadline's span: the day it falls due.
    pub fn due_date(self) -> NaiveDate {
        let last_of_month = |year: i32, month: u32| {
            let (ny, nm) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
            NaiveDate::from_ymd_opt(ny, nm, 1)
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX)
        };
        match self {
            Deadline::Day(d) => d,
            Deadline::Month { year, month } => last_of_month(year, month),
            Deadline::Quarter { year, quarter } => last_of_month(year, quarter * 3),
            Deadline::Year(year) => last_of_month(year, 12),
        }
    }

    /// Overdue when the span has ended before `today`.
    pub fn is_overdue(self, today: NaiveDate) -> bool {
        today > self.due_date()
    }

    /// As a person writes it: "31/01/2018", "01/2018", "Quý I/2018", "2018".
    pub fn display(self, lang: Lang) -> String {
        match self {
            Deadline::Day(d) => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
            Deadline::Month { year, month } => format!("{month:02}/{year}"),
            Deadline::Quarter { year, quarter } => {
                let roman = ["I", "II", "III", "IV"]
                    .get(quarter.saturating_sub(1) as usize)
                    .copied()
                    .unwrap_or("?");
                match lang {
                    Lang::Vi => format!("Quý {roman}/{year}"),
                    Lang::En => format!("Q{quarter} {year}"),
                }
            }
            Deadline::Year(year) => match lang {
                Lang::Vi => format!("Năm {year}"),
                Lang::En => format!("{year}"),
            },
        }
    }
}

impl fmt::Display for Deadline {
    /// The stored form, read back by [`Deadline::parse`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Deadline::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Deadline::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Deadline::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl Deadline {
    /// Reads a deadline as a person types it, in either language or the stored form:
    /// "31/01/2018", "01/2018", "Quý I/2018", "quý 1/2018", "Q1 2018", "Năm 2018", "2018",
    /// "2018-01-31", "2018-01", "2018-Q1".
    pub fn parse_typed(text: &str) -> Result<Deadline, RuleError> {
        let bad = || RuleError::BadDeadline(text.to_string());
        let t = crate::domain::text::fold(text.trim());
        let t = t
            .trim_start_matches("thang ")
            .trim_start_matches("nam ")
            .trim()
            .to_string();
        if let Ok(d) = Deadline::parse(&t) {
            return Ok(d);
        }
        if let Some(rest) = t.strip_prefix("quy ").or_else(|| t.strip_prefix('q')) {
            let (q, y) = rest.split_once(['/', ' ', '-']).ok_or_else(bad)?;
            let quarter = match q.trim() {
                "i" | "1" => 1,
                "ii" | "2" => 2,
                "iii" | "3" => 3,
                "iv" | "4" => 4,
                _ => return Err(bad()),
            };
            return match Deadline::parse(y.trim()) {
                Ok(Deadline::Year(year)) => Ok(Deadline::Quarter { year, quarter }),
                _ => Err(bad()),
            };
        }
        let parts: Vec<&str> = t.split('/').map(str::trim).collect();
        match parts.as_slice() {
            [_, _, _] => parse_typed_day(&t).map(Deadline::Day).map_err(|_| bad()),
            [m, y] => {
                let month: u32 = m.parse().map_err(|_| bad())?;
                Deadline::parse(&format!("{y}-{month:02}")).map_err(|_| bad())
            }
            _ => Err(bad()),
        }
    }
}

impl Deadline {
    /// [`Deadline::parse_typed`] for a field that may stay empty (no deadline).
    pub fn parse_optional(text: &str) -> Result<Option<Deadline>, RuleError> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            Deadline::parse_typed(text).map(Some)
        }
    }
}

/// Reads a day as a person types it ("3/1/2018", "03/01/2018") or stored ("2018-01-03").
pub fn parse_typed_day(text: &str) -> Result<NaiveDate, RuleError> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
        .ok()
        .filter(|d| (1900..=2200).contains(&d.year()))
        .ok_or_else(|| RuleError::BadDate(text.into()))
}

/// A day as people write it: "03/01/2018".
pub fn display_day(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// Reads a day written `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Result<NaiveDate, RuleError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| RuleError::BadDate(text.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_as_people_type_them() {
        let q1 = Deadline::Quarter {
            year: 2018,
            quarter: 1,
        };
        let jan = Deadline::Month {
            year: 2018,
            month: 1,
        };
        for (typed, wanted) in [
            ("Quý I/2018", q1),
            ("quý 1/2018", q1),
            ("Q1 2018", q1),
            ("2018-Q1", q1),
            ("01/2018", jan),
            ("1/2018", jan),
            ("tháng 01/2018", jan),
            ("2018-01", jan),
            ("Năm 2020", Deadline::Year(2020)),
            ("2020", Deadline::Year(2020)),
            ("31/01/2018", Deadline::Day(day(2018, 1, 31))),
        ] {
            assert_eq!(Deadline::parse_typed(typed), Ok(wanted), "{typed}");
        }
        for d in [
            q1,
            jan,
            Deadline::Year(2020),
            Deadline::Day(day(2018, 1, 31)),
        ] {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(Deadline::parse_typed(&d.display(lang)), Ok(d));
            }
        }
        for bad in ["", "quý V/2018", "13/2018", "32/01/2018", "mai", "Q1"] {
            assert!(Deadline::parse_typed(bad).is_err(), "{bad}");
        }
        assert_eq!(Deadline::parse_optional("  "), Ok(None));
        assert_eq!(Deadline::parse_optional("01/2018"), Ok(Some(jan)));
        assert_eq!(parse_typed_day("3/1/2018"), Ok(day(2018, 1, 3)));
        assert_eq!(display_day(day(2018, 1, 3)), "03/01/2018");
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn each_granularity_round_trips_and_falls_due_at_its_end() {
        let cases = [
            ("2018-01-31", day(2018, 1, 31)),
            ("2018-01", day(2018, 1, 31)),
            ("2018-02", day(2018, 2, 28)),
            ("2020-02", day(2020, 2, 29)),
            ("2018-Q1", day(2018, 3, 31)),
            ("2018-Q4", day(2018, 12, 31)),
            ("2020-06", day(2020, 6, 30)),
            ("2018", day(2018, 12, 31)),
        ];
        for (text, due) in cases {
            let d = Deadline::parse(text);
            assert!(d.is_ok(), "{text}");
            let Ok(d) = d else { continue };
            assert_eq!(d.to_string(), text);
            assert_eq!(d.due_date(), due, "{text}");
        }
    }

    #[test]
    fn overdue_only_after_the_span() {
        let q1 = Deadline::Quarter {
            year: 2018,
            quarter: 1,
        };
        assert!(!q1.is_overdue(day(2018, 3, 31)));
        assert!(q1.is_overdue(day(2018, 4, 1)));
    }

    #[test]
    fn malformed_deadlines_are_refused() {
        for bad in [
            "",
            "18",
            "2018-13",
            "2018-Q5",
            "2018-1",
            "2018-02-30",
            "abcd",
            "2018-01-01-01",
        ] {
            assert!(Deadline::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_as_people_write_it() {
        let q = Deadline::Quarter {
            year: 2018,
            quarter: 1,
        };
        assert_eq!(q.display(Lang::Vi), "Quý I/2018");
        assert_eq!(q.display(Lang::En), "Q1 2018");
        assert_eq!(
            Deadline::Month {
                year: 2020,
                month: 6
            }
            .display(Lang::Vi),
            "06/2020"
        );
    }
}
