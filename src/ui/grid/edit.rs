//! What the keyboard and the clipboard do to the grid: a typed cell committed, a block pasted
//! from Excel, the selection copied or cleared, moving around; each change as a command.

use super::*;
use crate::domain::results::check_editable;
use crate::domain::sheet::{rows, score_cell};
use crate::ui::commands::{Place, UiCommand};

/// Checks and turns the text typed into a cell into a command; the reason when refused.
pub fn commit(state: &GridState, text: &str, lang: Lang) -> Result<Option<Command>, String> {
    let Some(grid) = &state.grid else {
        return Ok(None);
    };
    let (row, col) = state.cursor;
    let (Some(&i), Some(c)) = (state.rows.get(row), grid.criteria.get(col)) else {
        return Ok(None);
    };
    check_editable(grid.period.status).map_err(|e| e.message(lang))?;
    let value = score_cell(c, text)
        .map_err(|e| format!("{} {}: {}", grid.units[i].name, c.code, e.message(lang)))?;
    Ok(Some(Command::Edit(Edit::SetScore {
        period_id: grid.period.period_id,
        which: state.mode.side(),
        cell: CellValue {
            unit_id: grid.units[i].unit_id,
            criterion_id: c.criterion_id,
            value,
        },
    })))
}

/// Reads a pasted block (tab-separated rows, as Excel and LibreOffice copy) at the cursor.
/// Every cell is checked; one bad cell refuses the block, naming each bad cell.
pub fn paste(state: &GridState, text: &str, lang: Lang) -> Result<Option<Command>, Vec<String>> {
    let Some(grid) = &state.grid else {
        return Ok(None);
    };
    check_editable(grid.period.status).map_err(|e| vec![e.message(lang)])?;
    let (row0, col0) = state.cursor;
    let mut cells = Vec::new();
    let mut problems = Vec::new();
    for (r, row) in rows(text).iter().enumerate() {
        let Some(&i) = state.rows.get(row0 + r) else {
            problems.push(
                lang.pick(
                    "Khối dán vượt quá số đơn vị",
                    "The block runs past the last unit",
                )
                .to_string(),
            );
            break;
        };
        for (k, field) in row.cells.iter().enumerate() {
            let Some(c) = grid.criteria.get(col0 + k) else {
                problems.push(
                    lang.pick(
                        "Khối dán vượt quá số tiêu chí",
                        "The block runs past the last criterion",
                    )
                    .to_string(),
                );
                break;
            };
            let value = match score_cell(c, field) {
                Ok(v) => v,
                Err(e) => {
                    problems.push(format!(
                        "{} / {}: {}",
                        grid.units[i].name,
                        c.code,
                        e.message(lang)
                    ));
                    continue;
                }
            };
            cells.push(CellValue {
                unit_id: grid.units[i].unit_id,
                criterion_id: c.criterion_id,
                value,
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Some(Command::Edit(Edit::SetScores {
        period_id: grid.period.period_id,
        which: state.mode.side(),
        cells,
    })))
}

/// The selected cell as text, for Ctrl+C.
/// The selected block as (first row, last row, first column, last column).
pub fn selection(state: &GridState) -> (usize, usize, usize, usize) {
    let (r, c) = state.cursor;
    let (ar, ac) = state.anchor.unwrap_or(state.cursor);
    (r.min(ar), r.max(ar), c.min(ac), c.max(ac))
}

/// The selected block as tab-separated rows, as spreadsheets paste it.
pub fn copy_text(state: &GridState, lang: Lang) -> String {
    let Some(grid) = &state.grid else {
        return String::new();
    };
    let (r0, r1, c0, c1) = selection(state);
    (r0..=r1)
        .map(|r| {
            (c0..=c1)
                .map(|c| state.raw_text(grid, r, c, lang))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Clears every cell of the selected block: one command, all or nothing.
fn clear_selection(state: &GridState, lang: Lang) -> Result<Option<Command>, String> {
    let Some(grid) = &state.grid else {
        return Ok(None);
    };
    check_editable(grid.period.status).map_err(|e| e.message(lang))?;
    let (r0, r1, c0, c1) = selection(state);
    let cells: Vec<CellValue> = (r0..=r1)
        .filter_map(|r| state.rows.get(r))
        .flat_map(|&i| {
            grid.criteria[c0..=c1.min(grid.criteria.len().saturating_sub(1))]
                .iter()
                .map(move |c| CellValue {
                    unit_id: grid.units[i].unit_id,
                    criterion_id: c.criterion_id,
                    value: None,
                })
        })
        .collect();
    Ok(Some(Command::Edit(Edit::SetScores {
        period_id: grid.period.period_id,
        which: state.mode.side(),
        cells,
    })))
}

/// Handles the keyboard while the grid has focus. Returns commands to queue.
pub(super) fn keyboard(
    state: &mut GridState,
    ui: &egui::Ui,
    lang: Lang,
    commands: &mut Vec<Command>,
    notes: &mut Vec<String>,
) {
    let Some(grid) = &state.grid else { return };
    let rows = state.rows.len();
    let cols = grid.criteria.len();
    let status = grid.period.status;
    if rows == 0 || cols == 0 {
        return;
    }
    let events = ui.input(|i| i.events.clone());
    for event in events {
        match event {
            egui::Event::Text(text) => {
                if let Err(e) = check_editable(status) {
                    state.error = Some(e.message(lang));
                    continue;
                }
                state
                    .editing
                    .get_or_insert_with(String::new)
                    .push_str(&text);
            }
            egui::Event::Paste(text) => match paste(state, &text, lang) {
                Ok(Some(c)) => {
                    commands.push(c);
                    state.error = None;
                }
                Ok(None) => {}
                Err(problems) => {
                    state.error = problems.first().cloned();
                    notes.push(problems.join("\n"));
                }
            },
            egui::Event::Copy => {
                let text = copy_text(state, lang);
                ui.ctx().copy_text(text);
            }
            egui::Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                let (r, c) = state.cursor;
                let move_to = |state: &mut GridState, r: usize, c: usize| {
                    state.cursor = (r.min(rows - 1), c.min(cols - 1));
                };
                let commit_now = |state: &mut GridState, commands: &mut Vec<Command>| -> bool {
                    let Some(text) = state.editing.clone() else {
                        return true;
                    };
                    match commit(state, &text, lang) {
                        Ok(cmd) => {
                            commands.extend(cmd);
                            state.editing = None;
                            state.error = None;
                            true
                        }
                        Err(message) => {
                            state.error = Some(message);
                            false
                        }
                    }
                };
                // Typing: Backspace takes back a letter of the cell being typed.
                if key == Key::Backspace
                    && let Some(t) = state.editing.as_mut()
                {
                    t.pop();
                    continue;
                }
                match UiCommand::pressed_in(Place::Grid, key, modifiers) {
                    Some(UiCommand::CommitCell) if commit_now(state, commands) => {
                        state.anchor = None;
                        move_to(state, r + 1, c);
                    }
                    Some(UiCommand::NextCell) if commit_now(state, commands) => {
                        state.anchor = None;
                        if modifiers.shift {
                            move_to(state, r, c.saturating_sub(1));
                        } else {
                            move_to(state, r, c + 1);
                        }
                    }
                    Some(UiCommand::CancelCell) => {
                        state.editing = None;
                        state.error = None;
                    }
                    Some(UiCommand::EditCell) => {
                        let text = state.raw_text(grid_ref(state), r, c, lang);
                        state.editing = Some(text);
                    }
                    Some(UiCommand::ClearCells) => match clear_selection(state, lang) {
                        Ok(cmd) => commands.extend(cmd),
                        Err(message) => state.error = Some(message),
                    },
                    Some(command @ (UiCommand::MoveCell | UiCommand::SelectBlock)) => {
                        if state.editing.is_some() && !commit_now(state, commands) {
                            continue;
                        }
                        // Shift+arrows select a block; plain arrows drop the selection.
                        if command == UiCommand::SelectBlock {
                            state.anchor.get_or_insert((r, c));
                        } else {
                            state.anchor = None;
                        }
                        // As a spreadsheet: Home/End the row's ends, with Ctrl the grid's;
                        // PageUp/PageDown a page of rows.
                        let page = state.page_rows.max(1);
                        match (key, modifiers.command) {
                            (Key::ArrowDown, _) => move_to(state, r + 1, c),
                            (Key::ArrowUp, _) => move_to(state, r.saturating_sub(1), c),
                            (Key::ArrowLeft, _) => move_to(state, r, c.saturating_sub(1)),
                            (Key::Home, false) => move_to(state, r, 0),
                            (Key::End, false) => move_to(state, r, cols - 1),
                            (Key::Home, true) => move_to(state, 0, 0),
                            (Key::End, true) => move_to(state, rows - 1, cols - 1),
                            (Key::PageDown, _) => move_to(state, r + page, c),
                            (Key::PageUp, _) => move_to(state, r.saturating_sub(page), c),
                            _ => move_to(state, r, c + 1),
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}
