//! A row of the audit log as a sentence a secretary reads ("Chấm điểm Bồ Đề, tiêu chí 1.2:
//! 78 → 80"), from what the row holds: its action, and the thing before and after as JSON
//! whose ids are named from the file (units, criteria, periods).

use std::collections::HashMap;

use serde_json::Value;
use uuid::Uuid;

use super::lang::Lang;
use super::plan::format_number_in;
use super::scoring::PeriodStatus;

/// What an audit row says, read from the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFacts {
    /// "set_score", "undo:set_score", "redo:set_score"...
    pub action: String,
    pub entity: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The names of the things a row refers to by id: a unit's name, a criterion's code, a
/// period's "12/2018".
pub type Names = HashMap<Uuid, String>;

/// What an action does, as a person says it.
fn action_label(action: &str, lang: Lang) -> &'static str {
    let (vi, en) = match action {
        "create_document" => ("Tạo tệp", "Create the file"),
        "set_body" => ("Sửa thông tin cơ quan", "Edit the body"),
        "add_unit" => ("Thêm đơn vị", "Add a unit"),
        "delete_unit" => ("Xóa đơn vị", "Delete a unit"),
        "rename_unit" => ("Đổi tên đơn vị", "Rename a unit"),
        "set_unit_kind" => ("Đổi loại đơn vị", "Change a unit's kind"),
        "move_unit" => ("Đổi thứ tự đơn vị", "Move a unit"),
        "retire_unit" => ("Ngừng theo dõi đơn vị", "Retire a unit"),
        "restore_unit" => ("Theo dõi lại đơn vị", "Restore a unit"),
        "add_person" => ("Thêm người", "Add a person"),
        "update_person" => ("Sửa thông tin người", "Edit a person"),
        "set_person_active" => ("Đổi trạng thái người", "Change a person's state"),
        "delete_person" => ("Xóa người", "Delete a person"),
        "set_score" => ("Chấm điểm", "Score"),
        "set_scores" => ("Nhập điểm", "Enter scores"),
        "set_cell_note" => ("Ghi chú ô điểm", "Note on a cell"),
        "change_period" | "restore_period_status" => ("Đổi trạng thái kỳ", "Change a period"),
        "create_criteria_set" => ("Tạo bộ tiêu chí", "Create a criteria set"),
        "delete_criteria_set" => ("Xóa bộ tiêu chí", "Delete a criteria set"),
        "set_criteria_set" => ("Sửa bộ tiêu chí", "Edit a criteria set"),
        "create_period" => ("Mở kỳ chấm điểm", "Open a period"),
        "delete_period" => ("Xóa kỳ chấm điểm", "Delete a period"),
        "fill_period" => ("Chép điểm kỳ trước", "Copy the period before"),
        "clear_period" => ("Xóa điểm", "Clear scores"),
        "save_record" => ("Lưu", "Save"),
        "delete_record" => ("Xóa", "Delete"),
        "set_deck" => ("Sửa bộ trình chiếu", "Edit a deck"),
        "repair" => ("Sửa tệp hỏng", "Repair the file"),
        "upgrade_file" => (
            "Nâng cấp tệp lên phiên bản mới",
            "Bring the file to the new version",
        ),
        _ => ("Thay đổi", "Change"),
    };
    lang.pick(vi, en)
}

fn uuid_at(v: &Value, key: &str) -> Option<Uuid> {
    v.get(key)?.as_str()?.parse().ok()
}

/// The thing's own words: its name, title, number or text, cut to 60 letters with "…".
fn subject(v: &Value) -> Option<String> {
    let text = ["name", "title", "number", "heading", "text"]
        .iter()
        .find_map(|k| v.get(*k)?.as_str().filter(|s| !s.trim().is_empty()))?;
    let text = super::text::escape_for_display(text.trim()).into_owned();
    Some(if text.chars().count() > 60 {
        text.chars().take(60).collect::<String>() + "…"
    } else {
        text
    })
}

fn value_text(v: Option<&Value>, lang: Lang) -> String {
    v.and_then(Value::as_f64)
        .map(|x| format_number_in(x, lang))
        .unwrap_or_else(|| "—".into())
}

fn status_text(v: Option<&Value>, lang: Lang) -> Option<&'static str> {
    v.and_then(|s| s.get("status"))
        .and_then(Value::as_str)
        .and_then(PeriodStatus::from_slug)
        .map(|s| s.label(lang))
}

/// The row as one sentence in the person's language.
pub fn sentence(facts: &AuditFacts, names: &Names, lang: Lang) -> String {
    let (prefix, action) = if let Some(a) = facts.action.strip_prefix("undo:") {
        (lang.pick("Hoàn tác: ", "Undo: "), a)
    } else if let Some(a) = facts.action.strip_prefix("redo:") {
        (lang.pick("Làm lại: ", "Redo: "), a)
    } else {
        ("", facts.action.as_str())
    };
    let name = |id: Option<Uuid>| id.and_then(|id| names.get(&id).cloned());
    let before = facts.before.as_ref();
    let after = facts.after.as_ref();
    let either = after.or(before);
    let label = action_label(action, lang);
    let body = match action {
        "set_score" => {
            let unit = either
                .and_then(|v| name(uuid_at(v, "unit")))
                .unwrap_or_default();
            let code = either
                .and_then(|v| name(uuid_at(v, "criterion")))
                .unwrap_or_default();
            let own = either
                .and_then(|v| v.get("which"))
                .and_then(Value::as_str)
                .is_some_and(|w| w.starts_with("Self"));
            let side = if own {
                lang.pick(" (tự chấm)", " (self-assessment)")
            } else {
                ""
            };
            let criterion = lang.pick("tiêu chí", "criterion");
            format!(
                "{label} {unit}, {criterion} {code}{side}: {} → {}",
                value_text(before.and_then(|v| v.get("value")), lang),
                value_text(after.and_then(|v| v.get("value")), lang)
            )
        }
        "set_scores" | "fill_period" | "clear_period" => {
            // A list of cells, or a count ({"filled_cells": n}, {"cleared_cells": n}).
            let count = |v: Option<&Value>| {
                v.and_then(|v| {
                    v.as_array().map(Vec::len).or_else(|| {
                        ["filled_cells", "cleared_cells", "cells"]
                            .iter()
                            .find_map(|k| v.get(*k)?.as_u64())
                            .map(|n| n as usize)
                    })
                })
            };
            let cells = count(after).or_else(|| count(before)).unwrap_or(0);
            match lang {
                Lang::Vi => format!("{label}: {cells} ô"),
                Lang::En => format!("{label}: {cells} cells"),
            }
        }
        "change_period" | "restore_period_status" => {
            let from = status_text(before, lang).unwrap_or("?");
            let to = status_text(after, lang).unwrap_or("?");
            let reason = after
                .and_then(|v| v.get("reason"))
                .and_then(Value::as_str)
                .filter(|r| !r.trim().is_empty())
                .map(|r| {
                    format!(
                        "; {}: {}",
                        lang.pick("lý do", "reason"),
                        super::text::escape_for_display(r.trim())
                    )
                })
                .unwrap_or_default();
            format!("{label}: {from} → {to}{reason}")
        }
        _ => {
            let what = super::record::RecordKind::from_entity(&facts.entity).map(|k| k.noun(lang));
            match (what, either.and_then(subject)) {
                (Some(w), Some(s)) => format!("{label} {w} \"{s}\""),
                (Some(w), None) => format!("{label} {w}"),
                (None, Some(s)) => format!("{label} \"{s}\""),
                (None, None) => label.to_string(),
            }
        }
    };
    format!("{prefix}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Issue 12, defect 14: the audit log reads as sentences, with names, not JSON and ids.
    #[test]
    fn audit_rows_read_as_sentences() {
        let (unit, criterion) = (Uuid::new_v4(), Uuid::new_v4());
        let names: Names = [(unit, "Bồ Đề".to_string()), (criterion, "1.2".to_string())]
            .into_iter()
            .collect();
        let score = |v: f64| json!({"unit": unit, "criterion": criterion, "which": "Appraised", "value": v});
        let facts = AuditFacts {
            action: "set_score".into(),
            entity: "score".into(),
            before: Some(score(78.0)),
            after: Some(score(80.5)),
        };
        assert_eq!(
            sentence(&facts, &names, Lang::Vi),
            "Chấm điểm Bồ Đề, tiêu chí 1.2: 78 → 80,5"
        );
        let undo = AuditFacts {
            action: "undo:set_score".into(),
            ..facts.clone()
        };
        assert!(sentence(&undo, &names, Lang::Vi).starts_with("Hoàn tác: Chấm điểm Bồ Đề"));
        let reopen = AuditFacts {
            action: "change_period".into(),
            entity: "period".into(),
            before: Some(json!({"status": "finalized"})),
            after: Some(json!({"status": "draft", "transition": "Reopen", "reason": "Sửa điểm"})),
        };
        assert_eq!(
            sentence(&reopen, &names, Lang::Vi),
            "Đổi trạng thái kỳ: Đã chốt → Đang chấm; lý do: Sửa điểm"
        );
        let plan = AuditFacts {
            action: "save_record".into(),
            entity: "plan".into(),
            before: None,
            after: Some(json!({"plan_id": Uuid::new_v4(), "number": "112/KH-UBND"})),
        };
        assert_eq!(
            sentence(&plan, &names, Lang::Vi),
            "Lưu kế hoạch \"112/KH-UBND\""
        );
        let filled = AuditFacts {
            action: "fill_period".into(),
            entity: "period".into(),
            before: None,
            after: Some(json!({"filled_cells": 364})),
        };
        assert_eq!(
            sentence(&filled, &names, Lang::Vi),
            "Chép điểm kỳ trước: 364 ô"
        );
        for f in [&facts, &undo, &reopen, &plan] {
            let s = sentence(f, &names, Lang::En);
            assert!(!s.contains('{') && !s.contains(&unit.to_string()), "{s}");
        }
    }
}
