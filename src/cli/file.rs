//! Commands on the document itself: `demo`, `check`, `repair` (and a hidden stress test).

use std::io::Write;
use std::path::Path;

use crate::demo::demo_seed;
use crate::domain::lang::Lang;
use crate::domain::text::display_path;
use crate::store::{Depth, Intent, Store, StoreError, schema::SCHEMA_VERSION};

pub(super) fn demo(
    path: &Path,
    force: bool,
    scaled: Option<(usize, usize, u32)>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    if path.exists() && !force {
        return Err(StoreError::AlreadyExists { path: path.into() });
    }
    let seed = match scaled {
        Some((units, criteria, months)) => crate::demo::scaled_seed(units, criteria, months),
        None => demo_seed(),
    };
    Store::create(path, &seed, force)?;
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick("Đã ghi tệp mẫu", "Demo file written:"),
        path.display()
    );
    Ok(())
}

pub(super) fn check(
    path: &Path,
    depth: Depth,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let store = Store::open_checked(path, Intent::Inspect, depth)?;
    let version = store.schema_version()?;
    let c = store.counts()?;
    let body = store.body()?;
    let lines = match lang {
        Lang::Vi => vec![
            format!("Tệp: {}", path.display()),
            format!("Cơ quan: {}", body.name),
            format!("Lược đồ: {version} (phiên bản này đọc tới {SCHEMA_VERSION})"),
            format!(
                "Đơn vị: {} (đã thôi hoạt động: {})",
                c.units, c.retired_units
            ),
            format!("Kế hoạch: {}; chỉ tiêu: {}", c.plans, c.targets),
            format!(
                "Bộ tiêu chí: {}; kỳ đã chấm: {}",
                c.criteria_sets, c.scored_periods
            ),
            format!(
                "Cuộc họp: {}; việc được giao: {}",
                c.meetings, c.action_items
            ),
            format!("Nhật ký thay đổi: {} dòng", c.audit_rows),
            "Kết quả: tệp dùng được".to_string(),
        ],
        Lang::En => vec![
            format!("File: {}", path.display()),
            format!("Body: {}", body.name),
            format!("Schema: {version} (this version reads up to {SCHEMA_VERSION})"),
            format!("Units: {} (retired: {})", c.units, c.retired_units),
            format!("Plans: {}; targets: {}", c.plans, c.targets),
            format!(
                "Criteria sets: {}; scored periods: {}",
                c.criteria_sets, c.scored_periods
            ),
            format!("Meetings: {}; action items: {}", c.meetings, c.action_items),
            format!("Audit log: {} rows", c.audit_rows),
            "Result: usable".to_string(),
        ],
    };
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    Ok(())
}

pub(super) fn repair(
    path: &Path,
    target: &Path,
    dry_run: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let plan = Store::plan_repair(path)?;
    if plan.left_out.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Tệp không có gì lạ: bản sạch sẽ giống hệt dữ liệu của tệp.",
                "Nothing foreign in the file: the clean copy will hold the same data."
            )
        );
    } else {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Bản sạch sẽ bỏ ra:", "The clean copy leaves out:")
        );
        for object in &plan.left_out {
            let _ = writeln!(out, "  - {}", object.message(lang));
        }
    }
    if dry_run {
        return Ok(());
    }
    let who = crate::host::user_name();
    let report = Store::repair(path, target, &who, chrono::Utc::now())?;
    for (table, rows) in &report.rows_left_out {
        let _ = match lang {
            Lang::Vi => writeln!(
                out,
                "  - {rows} dòng của bảng \"{table}\" trái quy tắc của giaoban, không chép"
            ),
            Lang::En => writeln!(
                out,
                "  - {rows} rows of \"{table}\" break giaoban's rules, not copied"
            ),
        };
    }
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "Đã ghi bản sạch {} ({} dòng dữ liệu); tệp gốc không bị thay đổi.",
            display_path(target),
            report.rows_copied
        ),
        Lang::En => writeln!(
            out,
            "Clean copy written to {} ({} rows of data); the original is unchanged.",
            display_path(target),
            report.rows_copied
        ),
    };
    Ok(())
}

pub(super) fn stress_edit(path: &Path, count: u32) -> Result<(), StoreError> {
    use crate::domain::edit::Edit;
    let mut store = Store::open(path, Intent::Edit)?;
    let Some(unit) = store.units()?.into_iter().next() else {
        return Ok(());
    };
    for i in 0..count {
        let edit = Edit::RenameUnit {
            unit_id: unit.unit_id,
            name: format!("{} {i}", unit.name),
        };
        store.apply(
            &edit,
            "stress",
            chrono::Utc::now(),
            crate::store::Origin::Do,
        )?;
    }
    Ok(())
}
