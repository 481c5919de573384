//! A meeting's deck: its slides in order, each a chart kind, its parameters as JSON and a
//! title. Replaced whole by one edit, so moving or removing a slide is one undo.

use super::ids::row_or;
use rusqlite::{Transaction, params};
use uuid::Uuid;

use super::Store;
use super::apply::Audit;
use super::error::StoreError;
use crate::domain::chart::{ChartKind, ChartSpec, Slide};
use crate::domain::edit::Edit;
use crate::domain::error::RuleError;
use crate::domain::text::clean_text;

/// More slides than any briefing needs; a file asking for more is refused.
const MAX_SLIDES: usize = 200;
const MAX_TITLE_CHARS: usize = 300;

fn read_slides(conn: &rusqlite::Connection, meeting_id: Uuid) -> Result<Vec<Slide>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.uuid, s.chart_kind, s.params, s.title FROM slide s
         JOIN meeting m ON m.id = s.meeting_id WHERE m.uuid = ?1 ORDER BY s.position, s.id",
    )?;
    let rows = stmt.query_map([meeting_id.to_string()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, params, title) = row?;
        // A slide this version cannot read (another kind, broken parameters) is left out
        // rather than failing the whole deck.
        let (Ok(slide_id), Some(kind)) = (Uuid::parse_str(&id), ChartKind::from_slug(&kind)) else {
            continue;
        };
        let spec = serde_json::from_str::<ChartSpec>(&params)
            .ok()
            .filter(|s| s.kind == kind)
            .unwrap_or_else(|| ChartSpec::new(kind));
        out.push(Slide {
            slide_id,
            title,
            spec,
        });
    }
    Ok(out)
}

impl Store {
    /// The saved slides of a meeting, in order (empty: the meeting uses the default deck).
    pub fn slides(&self, meeting_id: Uuid) -> Result<Vec<Slide>, StoreError> {
        read_slides(&self.conn, meeting_id)
    }
}

/// Applies `SetDeck`.
pub(super) fn apply_deck(
    tx: &Transaction,
    edit: &Edit,
    now: &str,
) -> Result<(Edit, Audit), StoreError> {
    let Edit::SetDeck { meeting_id, slides } = edit else {
        return Err(StoreError::Internal("not a deck edit"));
    };
    let meeting_row = row_or(
        tx,
        "meeting",
        *meeting_id,
        StoreError::Rule(RuleError::NotFound),
    )?;
    if slides.len() > MAX_SLIDES {
        return Err(RuleError::TooManySlides { max: MAX_SLIDES }.into());
    }
    let old = read_slides(tx, *meeting_id)?;
    tx.execute("DELETE FROM slide WHERE meeting_id = ?1", [meeting_row])?;
    for (position, slide) in slides.iter().enumerate() {
        let title = clean_text(&slide.title, MAX_TITLE_CHARS)?;
        let params = serde_json::to_string(&slide.spec)
            .map_err(|_| StoreError::Internal("a slide's parameters"))?;
        tx.execute(
            "INSERT INTO slide (uuid, meeting_id, position, chart_kind, params, title, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                slide.slide_id.to_string(),
                meeting_row,
                position as i64,
                slide.spec.kind.slug(),
                params,
                title,
                now
            ],
        )?;
    }
    Ok((
        Edit::SetDeck {
            meeting_id: *meeting_id,
            slides: old.clone(),
        },
        Audit {
            entity: "slide",
            entity_uuid: Some(*meeting_id),
            before: serde_json::to_value(&old).ok(),
            after: serde_json::to_value(slides).ok(),
        },
    ))
}
