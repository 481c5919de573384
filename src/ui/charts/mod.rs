//! The Charts panel: choose a chart and its parameters, see it drawn as it will be projected
//! and exported; build a meeting's deck; start the presentation.
//!
//! The picture is drawn once per change (of the document, the parameters, the language or the
//! size in pixels) and kept as a texture; a frame only shows it.

mod deck;

use chrono::NaiveDate;
use egui::{RichText, TextureHandle};
use uuid::Uuid;

pub use self::deck::deck_buttons;
use self::deck::deck_ui;
use crate::app::Command;
use crate::app::document::Document;
use crate::charts::Frame;
use crate::domain::chart::{ChartKind, ChartSpec, RowsView, Slide, pages};
use crate::domain::deadline::{display_day, parse_typed_day};
use crate::domain::edit::Edit;
use crate::domain::lang::Lang;
use crate::domain::scoring::Cadence;
use crate::domain::text::shorten;

/// What a picture was drawn from: when any of it changes, the picture is drawn again.
#[derive(Debug, Clone, PartialEq)]
struct PictureKey {
    revision: u64,
    spec: ChartSpec,
    lang: Lang,
    today: NaiveDate,
    size: [u32; 2],
}

struct Picture {
    key: PictureKey,
    texture: TextureHandle,
}

/// The deck shown in the panel, read once per change of the document or of the meeting.
struct DeckView {
    revision: u64,
    meeting_id: Uuid,
    slides: Vec<Slide>,
    /// Saved in the file, or the default deck.
    saved: bool,
}

pub struct ChartsPanel {
    /// The chart asked for; what it leaves open the file fills (see [`Self::resolved`]).
    pub spec: ChartSpec,
    resolved: Option<(u64, ChartSpec, NaiveDate, ChartSpec)>,
    picture: Option<Picture>,
    /// How many times a picture was drawn (a frame without a change draws none).
    pub renders: u64,
    pub error: Option<String>,
    /// The meeting whose deck the panel edits.
    pub meeting: Option<Uuid>,
    deck: Option<DeckView>,
    /// The "as of" field: its text, the day it was last set from, and why it is refused.
    as_of_text: String,
    as_of_for: Option<NaiveDate>,
    as_of_bad: Option<String>,
    /// The slide chosen in the deck's list, and its title as being typed.
    slide: Option<Uuid>,
    slide_title: String,
}

impl Default for ChartsPanel {
    fn default() -> Self {
        ChartsPanel {
            spec: ChartSpec::new(ChartKind::Ranking),
            resolved: None,
            picture: None,
            renders: 0,
            error: None,
            meeting: None,
            deck: None,
            as_of_text: String::new(),
            as_of_for: None,
            as_of_bad: None,
            slide: None,
            slide_title: String::new(),
        }
    }
}

impl ChartsPanel {
    /// The chart as drawn: the spec with what the file fills in (model, period, unit…).
    pub fn resolved(&self) -> Option<&ChartSpec> {
        self.resolved.as_ref().map(|(_, _, _, r)| r)
    }

    /// The kind and pixel size of the picture on screen, if one is drawn.
    pub fn picture(&self) -> Option<(ChartKind, [u32; 2])> {
        self.picture.as_ref().map(|p| (p.key.spec.kind, p.key.size))
    }

    /// The slides of the chosen meeting's deck, as the panel shows them.
    pub fn deck_slides(&self) -> Option<&[Slide]> {
        self.deck.as_ref().map(|d| d.slides.as_slice())
    }
}

/// Draws a frame into a texture of `size` pixels.
pub fn frame_texture(
    ctx: &egui::Context,
    name: &str,
    frame: &Frame,
    size: [u32; 2],
) -> Result<TextureHandle, String> {
    let rgb = crate::charts::render_rgb(frame, size[0], size[1]).map_err(|e| e.to_string())?;
    let image = egui::ColorImage::from_rgb([size[0] as usize, size[1] as usize], &rgb);
    Ok(ctx.load_texture(name, image, egui::TextureOptions::LINEAR))
}

/// The largest 16:9 size that fits `available` points, and its size in pixels.
pub fn fit_16_9(available: egui::Vec2, pixels_per_point: f32) -> (egui::Vec2, [u32; 2]) {
    let w = available.x.max(64.0);
    let h = available.y.max(36.0);
    let size = if w / h > 16.0 / 9.0 {
        egui::vec2(h * 16.0 / 9.0, h)
    } else {
        egui::vec2(w, w * 9.0 / 16.0)
    };
    let px = [
        ((size.x * pixels_per_point).round() as u32).clamp(320, 7680),
        ((size.y * pixels_per_point).round() as u32).clamp(180, 4320),
    ];
    (size, px)
}

pub fn charts_ui(
    ui: &mut egui::Ui,
    panel: &mut ChartsPanel,
    doc: &Document,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let revision = doc.view.revision;
    // The spec with the file's defaults, once per change.
    let stale = panel
        .resolved
        .as_ref()
        .is_none_or(|(rev, spec, day, _)| *rev != revision || *spec != panel.spec || *day != today);
    if stale {
        match crate::charts::data::resolve(&doc.store, &panel.spec, today) {
            Ok(r) => panel.resolved = Some((revision, panel.spec.clone(), today, r)),
            Err(e) => panel.error = Some(e.message(lang)),
        }
    }
    let resolved = panel
        .resolved()
        .cloned()
        .unwrap_or_else(|| panel.spec.clone());

    let height = ui.available_height();
    egui::Panel::left("charts-controls")
        .resizable(false)
        .exact_size(340.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("charts-controls-scroll")
                .max_height(height)
                .show(ui, |ui| {
                    controls_ui(ui, panel, doc, &resolved, lang, commands);
                    ui.separator();
                    deck_ui(ui, panel, doc, &resolved, lang, commands);
                });
        });

    // The picture: as large as the panel allows, 16:9, at the screen's pixel density.
    let ppp = ui.ctx().pixels_per_point();
    let (size, px) = fit_16_9(ui.available_size() - egui::vec2(8.0, 8.0), ppp);
    let key = PictureKey {
        revision,
        spec: resolved.clone(),
        lang,
        today,
        size: px,
    };
    if panel.picture.as_ref().is_none_or(|p| p.key != key) {
        let drawn = crate::charts::deck::frame(
            &doc.store,
            &resolved,
            "",
            match lang {
                Lang::Vi => format!("Ngày {}", display_day(today)),
                Lang::En => display_day(today),
            },
            today,
            lang,
        )
        .map_err(|e| e.message(lang))
        .and_then(|frame| frame_texture(ui.ctx(), "chart", &frame, px));
        panel.renders += 1;
        match drawn {
            Ok(texture) => {
                panel.picture = Some(Picture { key, texture });
                panel.error = None;
            }
            Err(e) => panel.error = Some(e),
        }
    }
    if let Some(e) = &panel.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    if let Some(p) = &panel.picture {
        ui.add(egui::Image::new(&p.texture).fit_to_exact_size(size))
            .on_hover_text(lang.pick(
                "Biểu đồ như sẽ chiếu và xuất ra tệp",
                "The chart as it will be projected and exported",
            ));
    }
}

fn combo_label(text: &str) -> RichText {
    RichText::new(text).strong()
}

fn controls_ui(
    ui: &mut egui::Ui,
    panel: &mut ChartsPanel,
    doc: &Document,
    resolved: &ChartSpec,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.heading(lang.pick("Biểu đồ", "Charts"));
    ui.add_space(4.0);
    for kind in ChartKind::ALL {
        if ui
            .add_sized(
                [320.0, 26.0],
                egui::Button::selectable(panel.spec.kind == kind, kind.label(lang)),
            )
            .clicked()
            && panel.spec.kind != kind
        {
            // Keep the model and period the person chose; the rest starts from the file.
            panel.spec = ChartSpec {
                model: panel.spec.model.clone(),
                year: panel.spec.year,
                month: panel.spec.month,
                ..ChartSpec::new(kind)
            };
        }
    }
    ui.add_space(8.0);
    let kind = panel.spec.kind;
    let scored = kind.is_scored();
    egui::Grid::new("chart-params")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            if scored {
                model_row(ui, panel, doc, resolved, lang);
                period_row(ui, panel, doc, resolved, lang);
            }
            if kind == ChartKind::Scorecard {
                let label = ui.label(combo_label(lang.pick("Đơn vị", "Unit")));
                let current = resolved
                    .unit
                    .and_then(|id| doc.view.unit_name(id))
                    .unwrap_or("—")
                    .to_string();
                egui::ComboBox::from_id_salt("chart-unit")
                    .width(220.0)
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for u in doc.view.units.iter().filter(|u| u.is_active()) {
                            if ui
                                .selectable_label(resolved.unit == Some(u.unit_id), &u.name)
                                .clicked()
                            {
                                panel.spec.unit = Some(u.unit_id);
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            }
            if kind == ChartKind::Targets {
                let label = ui.label(combo_label(lang.pick("Kế hoạch", "Plan")));
                let book = &doc.view.plans;
                let fit = fits_combo(ui, 220.0);
                let name = |p: &crate::domain::plan::Plan| fit(&p.name(lang));
                let current = resolved
                    .plan
                    .and_then(|id| book.plans.iter().find(|p| p.plan_id == id))
                    .map_or_else(|| "—".to_string(), name);
                egui::ComboBox::from_id_salt("chart-plan")
                    .width(220.0)
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for p in book
                            .plans
                            .iter()
                            .filter(|p| book.targets.iter().any(|t| t.plan_id == p.plan_id))
                        {
                            if ui
                                .selectable_label(resolved.plan == Some(p.plan_id), name(p))
                                .clicked()
                            {
                                panel.spec.plan = Some(p.plan_id);
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            }
            if matches!(kind, ChartKind::Targets | ChartKind::Actions) {
                let label = ui.label(combo_label(lang.pick("Tính đến ngày", "As of")));
                // The field shows the chart's day; it changes only when the person commits a
                // day or chooses a slide with another one.
                if panel.as_of_for != resolved.as_of {
                    panel.as_of_for = resolved.as_of;
                    panel.as_of_text = resolved.as_of.map(display_day).unwrap_or_default();
                    panel.as_of_bad = None;
                }
                let (response, day) = crate::ui::forms::typed_field(
                    ui,
                    &mut panel.as_of_text,
                    120.0,
                    "31/12/2019",
                    |t| parse_typed_day(t).map_err(|e| e.message(lang)),
                    &mut panel.as_of_bad,
                );
                let response = response.labelled_by(label.id);
                if let (true, Some(day)) = (response.lost_focus(), day) {
                    panel.spec.as_of = Some(day);
                }
                ui.end_row();
                if let Some(bad) = &panel.as_of_bad {
                    ui.label("");
                    ui.colored_label(ui.visuals().error_fg_color, bad);
                    ui.end_row();
                }
            }
            if matches!(kind, ChartKind::Ranking | ChartKind::Heatmap) {
                let label = ui.label(combo_label(lang.pick("Hiển thị", "Show")));
                rows_combo(ui, panel, doc, resolved, lang, label.id);
                ui.end_row();
            }
        });
    if kind == ChartKind::Trend {
        trend_units_ui(ui, panel, doc, lang);
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(lang.pick("Xuất PNG…", "Export PNG…")).clicked() {
            commands.push(Command::ChartExportDialog {
                spec: resolved.clone(),
                svg: false,
            });
        }
        if ui.button(lang.pick("Xuất SVG…", "Export SVG…")).clicked() {
            commands.push(Command::ChartExportDialog {
                spec: resolved.clone(),
                svg: true,
            });
        }
    });
}

fn model_row(
    ui: &mut egui::Ui,
    panel: &mut ChartsPanel,
    doc: &Document,
    resolved: &ChartSpec,
    lang: Lang,
) {
    let label = ui.label(combo_label(lang.pick("Mô hình", "Model")));
    let wanted_pass_fail = panel.spec.kind == ChartKind::OneStop;
    let current = resolved
        .model
        .as_deref()
        .and_then(|slug| doc.view.models.iter().find(|m| m.slug == slug))
        .map_or_else(|| "—".to_string(), |m| fits_combo(ui, 220.0)(&m.name));
    egui::ComboBox::from_id_salt("chart-model")
        .width(220.0)
        .selected_text(current)
        .show_ui(ui, |ui| {
            for m in doc
                .view
                .models
                .iter()
                .filter(|m| !wanted_pass_fail || m.pass_fail)
            {
                if ui
                    .selectable_label(resolved.model.as_deref() == Some(&m.slug), &m.name)
                    .clicked()
                {
                    panel.spec.model = Some(m.slug.clone());
                    panel.spec.year = None;
                    panel.spec.month = None;
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

fn period_row(
    ui: &mut egui::Ui,
    panel: &mut ChartsPanel,
    doc: &Document,
    resolved: &ChartSpec,
    lang: Lang,
) {
    let model = resolved.model.clone().unwrap_or_default();
    let sets: Vec<_> = doc
        .view
        .sets
        .iter()
        .filter(|s| s.model.slug == model)
        .collect();
    let label = ui.label(combo_label(lang.pick("Năm", "Year")));
    egui::ComboBox::from_id_salt("chart-year")
        .width(120.0)
        .selected_text(resolved.year.map(|y| y.to_string()).unwrap_or_default())
        .show_ui(ui, |ui| {
            for s in &sets {
                if ui
                    .selectable_label(resolved.year == Some(s.set.year), s.set.year.to_string())
                    .clicked()
                {
                    panel.spec.year = Some(s.set.year);
                    panel.spec.month = None;
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    let monthly = sets.iter().any(|s| s.model.cadence == Cadence::Monthly);
    if !monthly || matches!(panel.spec.kind, ChartKind::Trend | ChartKind::OneStop) {
        return;
    }
    let month_label = ui.label(combo_label(lang.pick("Tháng", "Month")));
    let scored: Vec<u32> = sets
        .iter()
        .filter(|s| Some(s.set.year) == resolved.year)
        .flat_map(|s| s.periods.iter().filter(|p| p.units_scored > 0))
        .map(|p| p.period.month)
        .filter(|m| *m > 0)
        .collect();
    let label = |m: Option<u32>| match m {
        Some(m) => format!("{}{m:02}", lang.pick("Tháng ", "Month ")),
        None => lang.pick("Cả năm", "Whole year").to_string(),
    };
    egui::ComboBox::from_id_salt("chart-month")
        .width(120.0)
        .selected_text(label(resolved.month))
        .show_ui(ui, |ui| {
            if panel.spec.kind == ChartKind::Ranking
                && ui
                    .selectable_label(resolved.month.is_none(), label(None))
                    .clicked()
            {
                // A year without a month: the year's ranking.
                panel.spec.year = resolved.year;
                panel.spec.month = None;
            }
            for m in &scored {
                if ui
                    .selectable_label(resolved.month == Some(*m), label(Some(*m)))
                    .clicked()
                {
                    panel.spec.year = resolved.year;
                    panel.spec.month = Some(*m);
                }
            }
        })
        .response
        .labelled_by(month_label.id);
    ui.end_row();
}

fn rows_combo(
    ui: &mut egui::Ui,
    panel: &mut ChartsPanel,
    doc: &Document,
    resolved: &ChartSpec,
    lang: Lang,
    label_id: egui::Id,
) {
    let count = doc.view.units.iter().filter(|u| u.is_active()).count();
    let label = |v: RowsView| match v {
        RowsView::Auto => lang.pick("Tự động", "Automatic").to_string(),
        RowsView::All => lang.pick("Tất cả đơn vị", "Every unit").to_string(),
        RowsView::TopBottom => lang
            .pick("Cao nhất và thấp nhất", "Best and last")
            .to_string(),
        RowsView::Page(n) => match lang {
            Lang::Vi => format!("Trang {n}/{}", pages(count)),
            Lang::En => format!("Page {n} of {}", pages(count)),
        },
    };
    egui::ComboBox::from_id_salt("chart-rows")
        .width(200.0)
        .selected_text(label(resolved.rows))
        .show_ui(ui, |ui| {
            let mut choices = vec![RowsView::Auto, RowsView::All, RowsView::TopBottom];
            choices.extend((1..=pages(count) as u32).map(RowsView::Page));
            for v in choices {
                if ui.selectable_label(resolved.rows == v, label(v)).clicked() {
                    panel.spec.rows = v;
                }
            }
        })
        .response
        .labelled_by(label_id);
}

fn trend_units_ui(ui: &mut egui::Ui, panel: &mut ChartsPanel, doc: &Document, lang: Lang) {
    ui.add_space(6.0);
    ui.label(combo_label(lang.pick(
        "Đơn vị theo dõi (để trống: cao nhất và thấp nhất)",
        "Units to follow (none: the best and the last)",
    )));
    let count = doc.view.units.iter().filter(|u| u.is_active()).count();
    egui::ScrollArea::vertical()
        .id_salt("trend-units")
        .max_height(if count > 20 { 220.0 } else { 400.0 })
        .show(ui, |ui| {
            for u in doc.view.units.iter().filter(|u| u.is_active()) {
                let mut on = panel.spec.units.contains(&u.unit_id);
                if ui.checkbox(&mut on, &u.name).changed() {
                    if on {
                        panel.spec.units.push(u.unit_id);
                    } else {
                        panel.spec.units.retain(|x| *x != u.unit_id);
                    }
                }
            }
        });
}

/// A choice's text as it fits a combo box of `width` (its arrow aside), cut with "…": egui
/// clips it mid-letter otherwise.
fn fits_combo(ui: &egui::Ui, width: f32) -> impl Fn(&str) -> String + use<> {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let ctx = ui.ctx().clone();
    move |text| crate::ui::widgets::fit_text(&ctx, text, &font, width - 28.0)
}
