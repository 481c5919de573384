//! The body (the district, the city department, the ward...), its units and its people.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::error::RuleError;
use super::lang::Lang;
use super::text::{same_name, vi_cmp};

/// What kind of public body the committee belongs to. Since 2025 Vietnam has two tiers
/// (province/city, commune/ward); older files hold districts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    Country,
    Province,
    City,
    District,
    Commune,
    Ward,
    Department,
    Committee,
}

impl BodyKind {
    pub const ALL: [BodyKind; 8] = [
        BodyKind::Country,
        BodyKind::Province,
        BodyKind::City,
        BodyKind::District,
        BodyKind::Commune,
        BodyKind::Ward,
        BodyKind::Department,
        BodyKind::Committee,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            BodyKind::Country => "country",
            BodyKind::Province => "province",
            BodyKind::City => "city",
            BodyKind::District => "district",
            BodyKind::Commune => "commune",
            BodyKind::Ward => "ward",
            BodyKind::Department => "department",
            BodyKind::Committee => "committee",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            BodyKind::Country => lang.pick("Trung ương", "Country"),
            BodyKind::Province => lang.pick("Tỉnh", "Province"),
            BodyKind::City => lang.pick("Thành phố", "City"),
            BodyKind::District => lang.pick("Quận, huyện", "District"),
            BodyKind::Commune => lang.pick("Xã", "Commune"),
            BodyKind::Ward => lang.pick("Phường", "Ward"),
            BodyKind::Department => lang.pick("Sở, ngành", "Department"),
            BodyKind::Committee => lang.pick("Ban chỉ đạo", "Steering committee"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub body_id: Uuid,
    pub name: String,
    pub kind: BodyKind,
    /// The name of the body above, e.g. "Thành phố Hà Nội".
    pub parent_name: Option<String>,
}

/// The kind of a unit that reports to the committee and is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Ward,
    Commune,
    Department,
    Office,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::Ward,
        UnitKind::Commune,
        UnitKind::Department,
        UnitKind::Office,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            UnitKind::Ward => "ward",
            UnitKind::Commune => "commune",
            UnitKind::Department => "department",
            UnitKind::Office => "office",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            UnitKind::Ward => lang.pick("Phường", "Ward"),
            UnitKind::Commune => lang.pick("Xã", "Commune"),
            UnitKind::Department => lang.pick("Phòng, ban", "Department"),
            UnitKind::Office => lang.pick("Văn phòng", "Office"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub unit_id: Uuid,
    pub name: String,
    pub kind: UnitKind,
    /// Position in the committee's own order (the order of official tables).
    pub sort_order: i64,
    /// The day the unit stopped existing (merged, renamed...); its history is kept.
    pub retired_on: Option<NaiveDate>,
    /// The day the unit joined (a new ward); `None` when it was there from the start.
    #[serde(default)]
    pub joined_on: Option<NaiveDate>,
}

impl Unit {
    pub fn is_active(&self) -> bool {
        self.retired_on.is_none()
    }

    /// Whether the unit existed on `day`: joined on or before it, not retired on or before it.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.joined_on.is_none_or(|j| j <= day) && self.retired_on.is_none_or(|r| r > day)
    }

    /// Whether the unit existed during any of the days `first..=last` (a month).
    pub fn active_during(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.joined_on.is_none_or(|j| j <= last) && self.retired_on.is_none_or(|r| r > first)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub person_id: Uuid,
    pub name: String,
    pub title: String,
    pub unit_id: Option<Uuid>,
    pub active: bool,
}

/// Refuses a unit name already used by another active unit (any case, any accents form).
pub fn check_unit_name_free<'a>(
    name: &str,
    units: impl IntoIterator<Item = &'a Unit>,
    except: Option<Uuid>,
) -> Result<(), RuleError> {
    let taken = units
        .into_iter()
        .filter(|u| u.is_active() && Some(u.unit_id) != except)
        .any(|u| same_name(&u.name, name));
    if taken {
        Err(RuleError::DuplicateUnitName(name.to_string()))
    } else {
        Ok(())
    }
}

/// How a list of units is ordered on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum UnitOrder {
    /// The committee's own order (as in official tables), editable.
    #[default]
    Official,
    /// Vietnamese alphabetical order.
    Alphabetical,
}

/// Sorts units: active first, then by the chosen order; ties broken by name.
pub fn sort_units(units: &mut [Unit], order: UnitOrder) {
    units.sort_by(|a, b| {
        a.retired_on
            .is_some()
            .cmp(&b.retired_on.is_some())
            .then_with(|| match order {
                UnitOrder::Official => a.sort_order.cmp(&b.sort_order),
                UnitOrder::Alphabetical => std::cmp::Ordering::Equal,
            })
            .then_with(|| vi_cmp(&a.name, &b.name))
    });
}

/// Sorts people the Vietnamese way: by given name (the last word), then by the whole name.
/// "Nguyễn Văn An" comes before "Trần Thị Bình".
pub fn sort_people(people: &mut [Person]) {
    let given = |name: &str| name.split_whitespace().last().unwrap_or("").to_string();
    people.sort_by(|a, b| {
        b.active
            .cmp(&a.active)
            .then_with(|| vi_cmp(&given(&a.name), &given(&b.name)))
            .then_with(|| vi_cmp(&a.name, &b.name))
    });
}

/// Moves the element at `from` to `to` and returns the new order of ids.
pub fn reorder(ids: &[Uuid], from: usize, to: usize) -> Result<Vec<Uuid>, RuleError> {
    let len = ids.len();
    if from >= len {
        return Err(RuleError::BadPosition { index: from, len });
    }
    if to >= len {
        return Err(RuleError::BadPosition { index: to, len });
    }
    let mut out = ids.to_vec();
    let moved = out.remove(from);
    out.insert(to, moved);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, order: i64, retired: bool) -> Unit {
        Unit {
            unit_id: Uuid::new_v4(),
            name: name.into(),
            kind: UnitKind::Ward,
            sort_order: order,
            retired_on: retired.then(|| NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default()),
            joined_on: None,
        }
    }

    #[test]
    fn duplicate_names_are_refused_among_active_units() {
        let units = vec![unit("Đức Giang", 1, false), unit("Cũ", 2, true)];
        assert_eq!(
            check_unit_name_free("đức giang", &units, None),
            Err(RuleError::DuplicateUnitName("đức giang".into()))
        );
        // A retired unit's name may be used again.
        assert_eq!(check_unit_name_free("Cũ", &units, None), Ok(()));
        // Renaming a unit to its own name is fine.
        assert_eq!(
            check_unit_name_free("Đức Giang", &units, Some(units[0].unit_id)),
            Ok(())
        );
    }

    #[test]
    fn sorting_puts_retired_last() {
        let mut units = vec![
            unit("Việt Hưng", 1, false),
            unit("Bồ Đề", 3, true),
            unit("Đức Giang", 2, false),
            unit("Cự Khối", 0, false),
        ];
        sort_units(&mut units, UnitOrder::Alphabetical);
        let names: Vec<_> = units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Cự Khối", "Đức Giang", "Việt Hưng", "Bồ Đề"]);
        sort_units(&mut units, UnitOrder::Official);
        let names: Vec<_> = units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Cự Khối", "Việt Hưng", "Đức Giang", "Bồ Đề"]);
    }

    #[test]
    fn people_sort_by_given_name() {
        let person = |name: &str, active: bool| Person {
            person_id: Uuid::new_v4(),
            name: name.into(),
            title: String::new(),
            unit_id: None,
            active,
        };
        let mut people = vec![
            person("Trần Thị Bình", true),
            person("Đỗ Mạnh Hải", true),
            person("Nguyễn Văn An", true),
            person("Lê Văn Ân", true),
            person("Phạm Đức", false),
        ];
        sort_people(&mut people);
        let names: Vec<_> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Nguyễn Văn An",
                "Lê Văn Ân",
                "Trần Thị Bình",
                "Đỗ Mạnh Hải",
                "Phạm Đức"
            ]
        );
    }

    #[test]
    fn reorder_moves_one_element() {
        let ids: Vec<Uuid> = (0..4).map(|_| Uuid::new_v4()).collect();
        let moved = reorder(&ids, 3, 0).unwrap_or_default();
        assert_eq!(moved, vec![ids[3], ids[0], ids[1], ids[2]]);
        assert_eq!(
            reorder(&ids, 4, 0),
            Err(RuleError::BadPosition { index: 4, len: 4 })
        );
    }
}
