//! The notice of a meeting's conclusions, written by the command line and by the meeting
//! panel, read back as Word and PDF readers would: the DOCX package's XML, and the PDF through
//! poppler's tools (page size, embedded fonts, extracted text with its diacritics).

mod common;

use std::io::Read;
use std::path::Path;

use common::{TempDir, giaoban, poppler, text};

fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).expect("open docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    let mut entry = zip.by_name(name).expect(name);
    let mut s = String::new();
    entry.read_to_string(&mut s).expect("utf-8 xml");
    s
}

const REQUIRED: [&str; 12] = [
    "UBND QUẬN LONG BIÊN",
    "BAN CHỈ ĐẠO ỨNG DỤNG CNTT",
    "/TB-BCĐ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Long Biên, ngày 05 tháng 01 năm 2018",
    "THÔNG BÁO",
    "Đỗ Mạnh Hải",
    "1. Về mô hình tiếp nhận và trả kết quả giải quyết TTHC quận, phường",
    "Phân công thực hiện",
    "Nơi nhận:",
    "Lưu: VT.",
];

/// The notice of the demo's 2018 meeting, issued on 05/01/2018, written to `name` in
/// Vietnamese by the command line: the demo file and the notice.
fn demo_notice(dir: &TempDir, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let db = dir.demo("demo.db");
    let out = dir.join(name);
    let run = giaoban(&[
        "notice",
        &db.to_string_lossy(),
        "--meeting",
        "2018-01-03",
        "--date",
        "2018-01-05",
        "--out",
        &out.to_string_lossy(),
        "--lang",
        "vi",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    (db, out)
}

#[test]
fn the_docx_is_a_word_package_with_the_official_layout() {
    let dir = TempDir::new();
    let (db, out) = demo_notice(&dir, "thong-bao.docx");
    let types = part(&out, "[Content_Types].xml");
    assert!(types.contains("wordprocessingml.document.main+xml"));
    let doc = part(&out, "word/document.xml");
    // A4 and the margins of Decree 30 (twips): top/bottom 20 mm, left 30 mm, right 15 mm.
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#), "A4");
    assert!(doc.contains(r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#));
    for wanted in REQUIRED {
        assert!(doc.contains(wanted), "{wanted}");
    }
    // Five conclusions, numbered, and the eight assignments.
    for n in 1..=5 {
        assert!(doc.contains(&format!(">{n}. Về ")), "conclusion {n}");
    }
    let store = giaoban::store::Store::open(&db, giaoban::store::Intent::Inspect).expect("open");
    let book = store.meeting_book().expect("book");
    let meeting = book
        .on(chrono::NaiveDate::from_ymd_opt(2018, 1, 3).expect("day"))
        .expect("the meeting")
        .meeting_id;
    let items: Vec<_> = book
        .actions
        .iter()
        .filter(|a| a.meeting_id == meeting)
        .collect();
    assert_eq!(
        doc.matches("; thời hạn: ").count(),
        items.iter().filter(|a| a.deadline.is_some()).count(),
        "each item with a deadline says it"
    );
    assert!(
        doc.matches(">- ").count() >= items.len(),
        "one line per item"
    );
    // Times New Roman 14 pt by default, for every script of the text.
    let styles = part(&out, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#));
    assert!(styles.contains(r#"w:hAnsi="Times New Roman""#));
    assert!(styles.contains(r#"<w:sz w:val="28" />"#));
}

#[test]
fn the_pdf_is_a4_with_embedded_fonts_and_readable_vietnamese() {
    let dir = TempDir::new();
    let (_, out) = demo_notice(&dir, "thong-bao.pdf");
    let path = out.to_string_lossy().into_owned();
    let info = poppler("pdfinfo", &[&path]);
    assert!(info.contains("(A4)"), "{info}");
    let fonts = poppler("pdffonts", &[&path]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r.contains("LiberationSerif") && r.contains(" yes yes yes ")),
        "every font embedded, subset, with a Unicode map:\n{fonts}"
    );
    let extracted = poppler("pdftotext", &["-raw", &path, "-"]);
    let flat = extracted.split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in REQUIRED {
        let wanted = wanted.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&wanted), "{wanted} in:\n{flat}");
    }
    for ward in ["Phòng Văn hóa và Thông tin", "Văn phòng HĐND và UBND quận"] {
        assert!(flat.contains(ward), "{ward}");
    }
}

#[test]
fn a_wrong_extension_or_date_is_refused_and_nothing_is_written() {
    let dir = TempDir::new();
    let db = dir.demo("demo.db");
    let db = db.to_string_lossy().into_owned();
    let out = dir.join("thong-bao.txt");
    let run = giaoban(&[
        "notice",
        &db,
        "--meeting",
        "2018-01-03",
        "--out",
        &out.to_string_lossy(),
        "--lang",
        "vi",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains(".docx hoặc .pdf"));
    assert!(!out.exists());
    let run = giaoban(&[
        "notice",
        &db,
        "--meeting",
        "2018-02-30",
        "--out",
        &dir.join("x.pdf").to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let run = giaoban(&[
        "notice",
        &db,
        "--meeting",
        "2019-01-03",
        "--out",
        &dir.join("x.pdf").to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains("no meeting on 2019-01-03"));
    assert!(!dir.join("x.pdf").exists());
}

#[test]
fn the_meeting_panel_exports_the_notice() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use giaoban::app::AppConfig;
    use giaoban::app::dialogs::ScriptedDialogs;
    use giaoban::app::prefs::Paths;
    use giaoban::ui::GiaobanApp;

    let dir = TempDir::new();
    let db = dir.demo("demo.db");
    let out = dir.join("tu-giao-dien.pdf");
    let config = AppConfig {
        file: Some(db),
        paths: Paths::in_dir(dir.path()),
        today: chrono::NaiveDate::from_ymd_opt(2018, 1, 5),
        lang: None,
        dialogs: Box::new(ScriptedDialogs {
            save: Some(out.clone()),
            ..ScriptedDialogs::default()
        }),
    };
    let mut harness = Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_max_steps(64)
        .build_eframe(|cc| GiaobanApp::with_context(cc, config));
    harness.run();
    harness.get_by_label("Giao ban").click();
    harness.run();
    harness.get_by_label("Xuất PDF…").click();
    harness.run();
    let bytes = std::fs::read(&out).expect("the notice was written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        harness
            .query_all_by_label_contains("Đã ghi thông báo kết luận")
            .next()
            .is_some()
    );
}

/// Issue 12, defect 4: the notice as a văn thư would send it back. From the second page a page
/// number in the top margin; "Nơi nhận:" bold italic; the last page never holds the closing
/// line and the signature alone; in the DOCX, the same rules and the file's author and date.
#[test]
fn the_notice_is_laid_out_as_decree_30_asks() {
    let dir = TempDir::new();
    let (_, pdf) = demo_notice(&dir, "thong-bao.pdf");
    let path = pdf.to_string_lossy().into_owned();
    let info = poppler("pdfinfo", &[&path]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pages");
    assert!(pages >= 2, "{info}");
    for page in 2..=pages {
        let p = page.to_string();
        let text = poppler("pdftotext", &["-f", &p, "-l", &p, "-layout", &path, "-"]);
        assert_eq!(
            text.lines().next().map(str::trim),
            Some(p.as_str()),
            "page {p}"
        );
    }
    let first = poppler("pdftotext", &["-f", "1", "-l", "1", "-layout", &path, "-"]);
    assert!(!first.lines().next().unwrap_or_default().trim().eq("1"));
    let fonts = poppler("pdffonts", &[&path]);
    assert!(fonts.contains("LiberationSerif-BoldItalic"), "{fonts}");
    let last = pages.to_string();
    let last = poppler("pdftotext", &["-f", &last, "-l", &last, "-raw", &path, "-"]);
    let before_closing = last
        .split("Ban chỉ đạo ứng dụng CNTT thông báo")
        .next()
        .unwrap_or_default();
    assert!(
        before_closing.contains("- "),
        "the last item goes over with the closing line:\n{last}"
    );

    let docx_dir = TempDir::new();
    let (_, docx) = demo_notice(&docx_dir, "thong-bao.docx");
    let doc = part(&docx, "word/document.xml");
    assert!(doc.contains("<w:titlePg"), "no number on the first page");
    assert!(doc.contains("<w:keepNext"), "the end kept together");
    let headers: String = (1..=2)
        .map(|i| part(&docx, &format!("word/header{i}.xml")))
        .collect();
    assert!(headers.contains("PAGE"), "{headers}");
    let core = part(&docx, "docProps/core.xml");
    assert!(!core.contains(">unknown<"), "{core}");
    assert!(!core.contains("1970-01-01"), "{core}");
}

/// Issue 12, defect 9: where no file dialog can open, *Xuất PDF…* asks for the path in the
/// program, with the suggested name in the file's folder; a folder that does not exist is
/// named in Vietnamese and nothing is written; the path corrected, the notice is written.
#[test]
fn without_a_file_dialog_the_path_is_asked_in_the_program() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use giaoban::app::AppConfig;
    use giaoban::app::dialogs::ScriptedDialogs;
    use giaoban::app::prefs::Paths;
    use giaoban::ui::GiaobanApp;

    let dir = TempDir::new();
    let db = dir.demo("demo.db");
    let config = AppConfig {
        file: Some(db),
        paths: Paths::in_dir(dir.path()),
        today: chrono::NaiveDate::from_ymd_opt(2018, 1, 5),
        lang: None,
        dialogs: Box::new(ScriptedDialogs {
            unavailable: true,
            ..ScriptedDialogs::default()
        }),
    };
    let mut harness = Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_max_steps(64)
        .build_eframe(|cc| GiaobanApp::with_context(cc, config));
    harness.run();
    harness.get_by_label("Giao ban").click();
    harness.run();
    harness.get_by_label("Xuất PDF…").click();
    harness.run();
    let typed = |h: &Harness<'_, GiaobanApp>| {
        h.state()
            .path_prompt
            .as_ref()
            .map(|p| p.text.clone())
            .unwrap_or_default()
    };
    let suggested = typed(&harness);
    assert!(
        suggested.starts_with(&dir.path().to_string_lossy().into_owned())
            && suggested.ends_with(".pdf")
            && suggested.contains("thong-bao-ket-luan_"),
        "{suggested}"
    );
    // A folder that does not exist.
    let nowhere = dir.join("khong-co").join("tb.pdf");
    harness
        .state_mut()
        .path_prompt
        .as_mut()
        .expect("asked")
        .text = nowhere.to_string_lossy().into_owned();
    harness.run();
    harness.get_by_label("Lưu").click();
    harness.run();
    let problem = harness
        .state()
        .path_prompt
        .as_ref()
        .and_then(|p| p.problem.clone())
        .unwrap_or_default();
    assert!(problem.contains("không tồn tại"), "{problem}");
    assert!(!nowhere.exists());
    // Corrected: written, and the field goes.
    let out = dir.join("tb.pdf");
    harness
        .state_mut()
        .path_prompt
        .as_mut()
        .expect("asked")
        .text = out.to_string_lossy().into_owned();
    harness.run();
    harness.get_by_label("Lưu").click();
    harness.run();
    assert!(harness.state().path_prompt.is_none());
    let bytes = std::fs::read(&out).expect("the notice was written");
    assert!(bytes.starts_with(b"%PDF-"));
    // The same path again: it asks before replacing; a second Lưu replaces.
    std::fs::write(&out, b"kept").expect("write");
    harness.get_by_label("Xuất PDF…").click();
    harness.run();
    harness
        .state_mut()
        .path_prompt
        .as_mut()
        .expect("asked")
        .text = out.to_string_lossy().into_owned();
    harness.run();
    harness.get_by_label("Lưu").click();
    harness.run();
    let problem = |h: &Harness<'_, GiaobanApp>| {
        h.state()
            .path_prompt
            .as_ref()
            .and_then(|p| p.problem.clone())
            .unwrap_or_default()
    };
    assert!(
        problem(&harness).contains("Lưu lần nữa"),
        "{}",
        problem(&harness)
    );
    assert_eq!(
        std::fs::read(&out).expect("read"),
        b"kept",
        "not yet replaced"
    );
    harness.get_by_label("Lưu").click();
    harness.run();
    assert!(std::fs::read(&out).expect("read").starts_with(b"%PDF-"));
    // A new document over the open file: refused.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    let open = dir.join("demo.db");
    harness
        .state_mut()
        .path_prompt
        .as_mut()
        .expect("asked")
        .text = open.to_string_lossy().into_owned();
    harness.run();
    for _ in 0..2 {
        harness.get_by_label("Lưu").click();
        harness.run();
    }
    assert!(
        problem(&harness).contains("đang mở"),
        "{}",
        problem(&harness)
    );
}
