//! Charts as the room and the readers of exports see them: every kind drawn from the demo file
//! by the command line (PNG of the asked size, not blank, the bands' colours; SVG naming every
//! ward), the deck as PDF read back by poppler, a snapshot of the ranking, and decks kept in
//! the file with undo.

mod common;

use std::collections::HashSet;
use std::path::Path;

use chrono::{NaiveDate, Utc};
use common::{TempDir, giaoban, poppler, text};
use giaoban::charts::deck::{deck_of, frame};
use giaoban::charts::render_png;
use giaoban::domain::chart::{
    BAD, ChartKind, ChartSpec, GOOD, HEAT_STEPS, NEUTRAL, ON_TRACK, SERIES, Slide,
};
use giaoban::domain::colour::Rgb;
use giaoban::domain::edit::Edit;
use giaoban::domain::lang::Lang;
use giaoban::domain::org::UnitKind;
use giaoban::store::{Intent, Origin, Store, StoreError};

/// The day of the demo's mid-2019 meeting.
fn review_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 7, 10).expect("day")
}

/// A chart of the ward e-office scores of November 2018 (every ward scored, finalized).
fn november_2018(kind: ChartKind) -> ChartSpec {
    ChartSpec {
        model: Some("ward-eoffice".into()),
        year: Some(2018),
        month: Some(11),
        ..ChartSpec::new(kind)
    }
}

/// Width, height and RGB pixels of a PNG file.
fn pixels(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

fn colours(rgb: &[u8]) -> HashSet<(u8, u8, u8)> {
    rgb.chunks_exact(3).map(|p| (p[0], p[1], p[2])).collect()
}

fn wards(file: &Path) -> Vec<String> {
    let store = Store::open(file, Intent::Inspect).expect("open");
    store
        .units()
        .expect("units")
        .into_iter()
        .filter(|u| u.kind == UnitKind::Ward)
        .map(|u| u.name)
        .collect()
}

fn band_colours(file: &Path) -> Vec<Rgb> {
    let store = Store::open(file, Intent::Inspect).expect("open");
    let sets = store.sets_overview().expect("sets");
    let set = sets
        .iter()
        .find(|s| s.model.slug == "ward-eoffice" && s.set.year == 2018)
        .expect("the 2018 set");
    set.bands
        .iter()
        .filter_map(|b| Rgb::parse(&b.color))
        .collect()
}

#[test]
fn every_kind_renders_from_the_demo_at_the_asked_size() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let f = file.to_string_lossy().into_owned();
    // Each kind with a colour only its data draws (a chart without data is a line of text).
    let heat = HEAT_STEPS[1].1;
    let cases: [(&str, &[&str], Rgb); 7] = [
        ("ranking", &["--month", "2018-11"], NEUTRAL),
        ("trend", &["--year", "2018"], SERIES[0]),
        ("heatmap", &["--month", "2018-11"], heat),
        (
            "scorecard",
            &["--month", "2018-11", "--unit", "bo de"],
            heat,
        ),
        (
            "targets",
            &["--plan", "112/KH-UBND", "--as-of", "2019-06-30"],
            ON_TRACK,
        ),
        ("actions", &["--as-of", "2019-07-10"], BAD),
        ("onestop", &["--year", "2017"], GOOD),
    ];
    for (kind, extra, drawn) in cases {
        let out = dir.join(&format!("{kind}.png"));
        let o = out.to_string_lossy().into_owned();
        let mut args = vec![
            "chart", &f, "--kind", kind, "--out", &o, "--size", "1280x720",
        ];
        args.extend_from_slice(extra);
        let run = giaoban(&args);
        assert!(run.status.success(), "{kind}: {}", text(&run.stderr));
        let (w, h, rgb) = pixels(&std::fs::read(&out).expect("png written"));
        assert_eq!((w, h), (1280, 720), "{kind}");
        let distinct = colours(&rgb);
        assert!(
            distinct.len() > 40,
            "{kind}: {} colours, blank?",
            distinct.len()
        );
        let white = rgb
            .chunks_exact(3)
            .filter(|p| p == &[255, 255, 255])
            .count();
        let share = white as f64 / f64::from(w * h);
        assert!(share < 0.98, "{kind}: {:.1}% white", share * 100.0);
        if kind != "ranking" {
            assert!(
                distinct.contains(&(drawn.0, drawn.1, drawn.2)),
                "{kind}: no {drawn:?}"
            );
        }
    }
    // The ranking is coloured by the set's bands: 14 wards in four bands in November.
    let (_, _, rgb) = pixels(&std::fs::read(dir.join("ranking.png")).expect("read"));
    let distinct = colours(&rgb);
    let present: Vec<Rgb> = band_colours(&file)
        .into_iter()
        .filter(|c| distinct.contains(&(c.0, c.1, c.2)))
        .collect();
    assert!(present.len() >= 4, "band colours drawn: {present:?}");
    // The default size is 1920×1080.
    let out = dir.join("default.png");
    let o = out.to_string_lossy().into_owned();
    let run = giaoban(&["chart", &f, "--kind", "ranking", "--out", &o]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let (w, h, _) = pixels(&std::fs::read(&out).expect("png"));
    assert_eq!((w, h), (1920, 1080));
}

#[test]
fn svg_names_every_ward() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let f = file.to_string_lossy().into_owned();
    for kind in ["ranking", "heatmap"] {
        let out = dir.join(&format!("{kind}.svg"));
        let o = out.to_string_lossy().into_owned();
        let run = giaoban(&[
            "chart", &f, "--kind", kind, "--month", "2018-11", "--out", &o,
        ]);
        assert!(run.status.success(), "{}", text(&run.stderr));
        let svg = std::fs::read_to_string(&out).expect("svg");
        assert!(svg.starts_with("<svg"), "{kind}");
        assert!(svg.contains("<text"), "text stays text");
        let names = wards(&file);
        assert_eq!(names.len(), 14);
        for name in names {
            assert!(svg.contains(&name), "{kind}: {name} missing");
        }
    }
}

#[test]
fn deck_pdf_has_a_page_a_slide_and_the_ward_names() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let f = file.to_string_lossy().into_owned();
    let out = dir.join("deck.pdf");
    let o = out.to_string_lossy().into_owned();
    let run = giaoban(&["deck", &f, "--meeting", "2019-07-10", "--out", &o]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let slides = {
        let store = Store::open(&file, Intent::Inspect).expect("open");
        let book = store.meeting_book().expect("meetings");
        let meeting = book.on(review_day()).expect("the meeting").clone();
        deck_of(&store, &meeting).expect("deck").len()
    };
    assert_eq!(
        slides, 6,
        "ranking, trend, heatmap, recognition, targets, actions"
    );
    let info = poppler("pdfinfo", &[&o]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(&format!(" {slides}"))),
        "{info}"
    );
    assert!(info.contains("960 x 540 pts"), "16:9 pages: {info}");
    let fonts = poppler("pdffonts", &[&o]);
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(cols.len() >= 7, "{line}");
        let (emb, sub, uni) = (
            cols[cols.len() - 5],
            cols[cols.len() - 4],
            cols[cols.len() - 3],
        );
        assert_eq!((emb, sub, uni), ("yes", "yes", "yes"), "{line}");
    }
    let extracted = poppler("pdftotext", &[&o, "-"]);
    for name in wards(&file) {
        assert!(extracted.contains(&name), "{name} not extractable");
    }
    for words in [
        "Xếp hạng Mô hình Cơ quan điện tử phường",
        "Giao ban ngày 10/07/2019 · 1/6",
        "Quận Long Biên",
        "Đúng tiến độ",
    ] {
        assert!(extracted.contains(words), "{words} in\n{extracted}");
    }
}

#[test]
fn bad_requests_are_refused_and_nothing_is_written() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let f = file.to_string_lossy().into_owned();
    let before = std::fs::read(&file).expect("read");
    let png = dir.join("x.png");
    let p = png.to_string_lossy().into_owned();
    let txt = dir.join("x.txt").to_string_lossy().into_owned();
    let cases: [(Vec<&str>, &str); 6] = [
        (vec!["--kind", "ranking", "--out", &txt], ".png hoặc .svg"),
        (
            vec!["--kind", "ranking", "--out", &p, "--size", "10x10"],
            "kích thước",
        ),
        (
            vec!["--kind", "scorecard", "--out", &p, "--unit", "Không Có"],
            "Không có đơn vị",
        ),
        (
            vec!["--kind", "scorecard", "--out", &p, "--unit", "Ngọc"],
            "khớp 2 đơn vị",
        ),
        (
            vec!["--kind", "ranking", "--out", &p, "--month", "2018-13"],
            "không phải tháng",
        ),
        (
            vec!["--kind", "targets", "--out", &p, "--plan", "999/KH"],
            "Không có kế hoạch",
        ),
    ];
    for (args, says) in cases {
        let mut all = vec!["chart", f.as_str(), "--lang", "vi"];
        all.extend(args);
        let run = giaoban(&all);
        assert!(!run.status.success(), "{all:?}");
        assert!(
            text(&run.stderr).contains(says),
            "{all:?}: {}",
            text(&run.stderr)
        );
        assert!(!png.exists(), "{all:?} wrote a file");
    }
    let run = giaoban(&[
        "deck",
        &f,
        "--meeting",
        "2020-01-01",
        "--out",
        &dir.join("d.pdf").to_string_lossy(),
        "--lang",
        "vi",
    ]);
    assert!(!run.status.success());
    assert!(text(&run.stderr).contains("Không có cuộc họp ngày 01/01/2020"));
    assert_eq!(std::fs::read(&file).expect("read"), before, "never a write");
}

/// Fraction of pixels that differ clearly between two images of the same size.
fn differing(a: &[u8], b: &[u8]) -> f64 {
    let diff = a
        .chunks_exact(3)
        .zip(b.chunks_exact(3))
        .filter(|(x, y)| x.iter().zip(y.iter()).any(|(p, q)| p.abs_diff(*q) > 48))
        .count();
    diff as f64 / (a.len() / 3) as f64
}

/// The ranking of November 2018 against the image kept in `tests/snapshots`: a broken font,
/// a lost colour or a moved layout changes more than a few pixels. `UPDATE_SNAPSHOTS=1`
/// writes the image anew (look at it before committing it).
#[test]
fn ranking_snapshot() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let store = Store::open(&file, Intent::Inspect).expect("open");
    let spec = november_2018(ChartKind::Ranking);
    let today = review_day();
    let frame = frame(
        &store,
        &spec,
        "",
        "Giao ban ngày 10/07/2019 · 1/6".into(),
        today,
        Lang::Vi,
    )
    .expect("frame");
    let png = render_png(&frame, 960, 540).expect("png");
    let kept = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/ranking.png");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(kept.parent().expect("folder")).expect("folder");
        std::fs::write(&kept, &png).expect("write snapshot");
    }
    let expected = std::fs::read(&kept).expect("tests/snapshots/ranking.png");
    let (w, h, now) = pixels(&png);
    let (ew, eh, before) = pixels(&expected);
    assert_eq!((w, h), (ew, eh));
    let share = differing(&now, &before);
    if share > 0.002 {
        let seen = dir.join("ranking-now.png");
        std::fs::write(&seen, &png).expect("write");
        let keep = std::env::temp_dir().join("giaoban-ranking-now.png");
        let _ = std::fs::copy(&seen, &keep);
        panic!(
            "{:.2}% of the pixels differ from the snapshot; the new image is {}",
            share * 100.0,
            keep.display()
        );
    }
}

fn slide(kind: ChartKind, title: &str) -> Slide {
    Slide {
        slide_id: uuid::Uuid::new_v4(),
        title: title.into(),
        spec: ChartSpec::new(kind),
    }
}

#[test]
fn a_deck_is_kept_in_the_file_and_undone_whole() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let mut store = Store::open(&file, Intent::Edit).expect("open");
    let meeting = store.meeting_book().expect("meetings").meetings[0].clone();
    assert!(store.slides(meeting.meeting_id).expect("slides").is_empty());
    let slides = vec![
        slide(ChartKind::Actions, "Việc quá hạn"),
        slide(ChartKind::Ranking, ""),
    ];
    let undo = store
        .apply(
            &Edit::SetDeck {
                meeting_id: meeting.meeting_id,
                slides: slides.clone(),
            },
            "Thư ký",
            Utc::now(),
            Origin::Do,
        )
        .expect("saved");
    drop(store);
    let mut store = Store::open(&file, Intent::Edit).expect("reopen");
    assert_eq!(store.slides(meeting.meeting_id).expect("slides"), slides);
    assert_eq!(deck_of(&store, &meeting).expect("deck"), slides);
    store
        .apply(&undo, "Thư ký", Utc::now(), Origin::Undo { of: "set_deck" })
        .expect("undone");
    assert!(store.slides(meeting.meeting_id).expect("slides").is_empty());
    // Back to the default deck, which the file can fill.
    assert!(!deck_of(&store, &meeting).expect("deck").is_empty());
    // A title with a control character, too many slides: refused, nothing written.
    let before = store.slides(meeting.meeting_id).expect("slides");
    for bad in [
        vec![slide(ChartKind::Trend, "a\u{7}b")],
        (0..201).map(|_| slide(ChartKind::Trend, "")).collect(),
    ] {
        let r = store.apply(
            &Edit::SetDeck {
                meeting_id: meeting.meeting_id,
                slides: bad,
            },
            "Thư ký",
            Utc::now(),
            Origin::Do,
        );
        assert!(matches!(r, Err(StoreError::Rule(_))), "{r:?}");
        assert_eq!(store.slides(meeting.meeting_id).expect("slides"), before);
    }
}

#[test]
fn a_hostile_slide_is_read_as_its_kind_or_left_out() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    {
        let conn = rusqlite::Connection::open(&file).expect("raw open");
        let meeting: i64 = conn
            .query_row("SELECT min(id) FROM meeting", [], |r| r.get(0))
            .expect("a meeting");
        for (uuid, kind, params) in [
            (
                "00000000-0000-4000-8000-000000000001",
                "ranking",
                r#"{"kind":"Trend","year":"x"}"#,
            ),
            ("00000000-0000-4000-8000-000000000002", "pie-of-doom", "{}"),
            ("not-a-uuid-but-36-characters-long-xx", "trend", "{}"),
        ] {
            conn.execute(
                "INSERT INTO slide (uuid, meeting_id, position, chart_kind, params, title, updated_at)
                 VALUES (?1, ?2, 0, ?3, ?4, '', '2026-01-01')",
                rusqlite::params![uuid, meeting, kind, params],
            )
            .expect("insert");
        }
    }
    let store = Store::open(&file, Intent::Inspect).expect("open");
    let book = store.meeting_book().expect("meetings");
    let slides: Vec<Slide> = book
        .meetings
        .iter()
        .flat_map(|m| store.slides(m.meeting_id).expect("read"))
        .collect();
    assert_eq!(
        slides.len(),
        1,
        "the unknown kind and the broken id are left out"
    );
    assert_eq!(slides[0].spec, ChartSpec::new(ChartKind::Ranking));
}

#[test]
fn a_scorecard_marks_the_average_of_each_group() {
    let dir = TempDir::new();
    let file = dir.demo("demo.db");
    let store = Store::open(&file, Intent::Inspect).expect("open");
    let spec = november_2018(ChartKind::Scorecard);
    let today = review_day();
    let figure = giaoban::charts::data::figure(&store, &spec, today, Lang::Vi).expect("figure");
    let giaoban::domain::chart::Body::Bars(bars) = figure.body else {
        panic!("a scorecard is bars: {:?}", figure.body)
    };
    // Six groups with a maximum (the bonus/penalty group has none and is left out).
    assert_eq!(bars.rows.len(), 6);
    for row in &bars.rows {
        let giaoban::domain::chart::BarRow::Bar(bar) = row else {
            panic!("no summary line in a scorecard")
        };
        let mark = bar.marker.expect("the average is marked");
        assert!((0.0..=1.0).contains(&mark) && (0.0..=1.0).contains(&bar.fraction));
        assert!(bar.right.starts_with("TB "), "{}", bar.right);
    }
    assert!(figure.subtitle.contains("hạng"), "{}", figure.subtitle);
}

/// Issue 12, defect 14: the one-stop chart, chosen after a chart of 2018's ward model, opens on
/// the one-stop model's own year (2017), the one its year list offers, not on 2018.
#[test]
fn a_chart_opens_on_a_year_its_model_has() {
    let dir = TempDir::new();
    let path = dir.demo("demo.db");
    let store = Store::open(&path, Intent::Inspect).expect("open");
    let mut spec = ChartSpec::new(ChartKind::OneStop);
    spec.year = Some(2018);
    let resolved = giaoban::charts::data::resolve(&store, &spec, review_day()).expect("resolve");
    assert_eq!(resolved.model.as_deref(), Some("one-stop"));
    assert_eq!(resolved.year, Some(2017));
}
