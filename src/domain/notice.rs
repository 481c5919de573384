//! The written notice of a meeting's conclusions (Thông báo kết luận) as plain text blocks in
//! the order of Decree 30/2020/NĐ-CP: issuing body and number beside the national motto, place
//! and date, title and subject, the meeting, the numbered conclusions, the assignments,
//! recipients and signature. The DOCX and PDF writers only lay these blocks out.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::lang::Lang;
use super::meeting::{ActionStatus, Meeting, MeetingBook};
use super::org::{Body, BodyKind, Person, Unit};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// "1. Về mô hình Cơ quan điện tử phường"
    pub heading: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    /// The body above the issuer, upper case: "UBND QUẬN LONG BIÊN".
    pub authority: String,
    /// The issuer, upper case: "BAN CHỈ ĐẠO ỨNG DỤNG CNTT".
    pub issuer: String,
    /// "Số: 01/TB-BCĐ", or "Số:      /TB-BCĐ" when the number is given at registration.
    pub number: String,
    pub motto_country: String,
    pub motto: String,
    /// "Long Biên, ngày 05 tháng 01 năm 2018"
    pub place_date: String,
    pub title: String,
    /// What the notice is about, under the title.
    pub subject: String,
    /// The meeting: when, who chaired, who attended, what was heard.
    pub opening: Vec<String>,
    pub sections: Vec<Section>,
    /// "Phân công thực hiện" and one line per action item.
    pub assignments: Option<Section>,
    pub closing: String,
    pub recipients: Vec<String>,
    /// "TL. TRƯỞNG BAN", "CHÁNH VĂN PHÒNG"...
    pub signer_title: Vec<String>,
    pub signer_name: String,
}

impl Notice {
    /// What the văn thư would send back: a notice without the signer's name.
    pub fn warning(&self, lang: Lang) -> Option<&'static str> {
        self.signer_name.trim().is_empty().then(|| {
            lang.pick(
                "Thông báo chưa có tên người ký: hãy chọn ở ô \"Người ký thông báo\" của cuộc họp",
                "The notice has no signer's name: choose one under \"Notice signed by\" in the meeting",
            )
        })
    }

    /// Every text of the notice in reading order (for tests and for searching).
    pub fn all_text(&self) -> Vec<&str> {
        let mut out = vec![
            self.authority.as_str(),
            &self.issuer,
            &self.number,
            &self.motto_country,
            &self.motto,
            &self.place_date,
            &self.title,
            &self.subject,
        ];
        out.extend(self.opening.iter().map(String::as_str));
        for s in self.sections.iter().chain(self.assignments.iter()) {
            out.push(&s.heading);
            out.extend(s.paragraphs.iter().map(String::as_str));
        }
        out.push(&self.closing);
        out.extend(self.recipients.iter().map(String::as_str));
        out.extend(self.signer_title.iter().map(String::as_str));
        out.push(&self.signer_name);
        out
    }
}

/// "Quận Long Biên" → "Long Biên" (the place line names the place, not the level).
fn place_name(body: &Body) -> String {
    let prefixes = [
        "Quận ",
        "Huyện ",
        "Thị xã ",
        "Thành phố ",
        "Tỉnh ",
        "Phường ",
        "Xã ",
        "Thị trấn ",
    ];
    let name = body.name.trim();
    prefixes
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name)
        .to_string()
}

/// The people's committee of the body, as it heads documents: "UBND QUẬN LONG BIÊN".
fn authority(body: &Body) -> String {
    match body.kind {
        BodyKind::Committee | BodyKind::Department | BodyKind::Country => {
            body.parent_name.clone().unwrap_or_default().to_uppercase()
        }
        _ => format!("UBND {}", body.name.to_uppercase()),
    }
}

fn date_words(d: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {:02} năm {}",
        d.day(),
        d.month(),
        d.year()
    )
}

/// "A, B và C"
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// Builds the notice of `meeting`, issued on `issued`.
pub fn build_notice(
    meeting: &Meeting,
    book: &MeetingBook,
    body: &Body,
    people: &[Person],
    units: &[Unit],
    issued: NaiveDate,
) -> Notice {
    let unit_name = |id: Option<uuid::Uuid>| {
        id.and_then(|id| units.iter().find(|u| u.unit_id == id))
            .map(|u| u.name.clone())
    };
    let chair = meeting
        .chair_id
        .and_then(|id| people.iter().find(|p| p.person_id == id));
    let chair_words = match chair {
        Some(p) if !p.title.is_empty() => format!("đồng chí {}, {}", p.name, p.title),
        Some(p) => format!("đồng chí {}", p.name),
        None => "đồng chí chủ trì cuộc họp".to_string(),
    };
    let chair_short = chair
        .map(|p| format!("đồng chí {}", p.name))
        .unwrap_or_else(|| "đồng chí chủ trì".into());
    let attendees = attendee_words(meeting, book, people);
    let reports: Vec<String> = book
        .agenda
        .iter()
        .filter(|a| a.meeting_id == meeting.meeting_id)
        .map(|a| match unit_name(a.presenter_id) {
            Some(u) => format!("{} ({u})", a.title),
            None => a.title.clone(),
        })
        .collect();
    let when = match &meeting.time {
        Some(t) => format!(
            "Vào hồi {} {}",
            t.replace(':', " giờ "),
            date_words(meeting.held_on)
        ),
        None => format!("Ngày {}", meeting.held_on.format("%d/%m/%Y")),
    };
    let place = if meeting.place.trim().is_empty() {
        String::new()
    } else {
        format!(" tại {}", meeting.place.trim())
    };
    let mut opening = vec![format!(
        "{when}{place}, {chair_words} đã chủ trì {}.",
        the_meeting(&meeting.title)
    )];
    if !attendees.is_empty() {
        opening.push(format!("Tham dự cuộc họp có: {}.", join_and(&attendees)));
    }
    if reports.is_empty() {
        opening.push(format!(
            "Sau khi nghe báo cáo và ý kiến của các thành viên dự họp, {chair_short} kết luận như sau:"
        ));
    } else {
        opening.push(format!(
            "Sau khi nghe: {}; ý kiến của các thành viên dự họp, {chair_short} kết luận như sau:",
            reports.join("; ")
        ));
    }
    // A conclusion not yet written is left out; the others are numbered as printed.
    let sections = book
        .conclusions
        .iter()
        .filter(|c| c.meeting_id == meeting.meeting_id)
        .filter(|c| !(c.heading.trim().is_empty() && c.text.trim().is_empty()))
        .enumerate()
        .map(|(i, c)| {
            let mut paragraphs: Vec<String> = c
                .text
                .split('\n')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            // Without a heading, the number opens the conclusion's first paragraph rather than
            // standing alone on a line.
            let heading = if c.heading.trim().is_empty() {
                match paragraphs.first_mut() {
                    Some(first) => *first = format!("{}. {first}", i + 1),
                    None => paragraphs.push(format!("{}.", i + 1)),
                }
                String::new()
            } else {
                format!("{}. {}", i + 1, c.heading.trim())
            };
            Section {
                heading,
                paragraphs,
            }
        })
        .collect();
    let assignments = assignments(meeting, book, &unit_name);
    let signer = meeting
        .signer_id
        .and_then(|id| people.iter().find(|p| p.person_id == id));
    let issuer = "BAN CHỈ ĐẠO ỨNG DỤNG CNTT".to_string();
    let number = if meeting.notice_number.trim().is_empty() {
        "Số:       /TB-BCĐ".to_string()
    } else {
        format!("Số: {}", meeting.notice_number.trim())
    };
    Notice {
        authority: authority(body),
        issuer,
        number,
        motto_country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
        motto: "Độc lập - Tự do - Hạnh phúc".into(),
        place_date: format!("{}, {}", place_name(body), date_words(issued)),
        title: "THÔNG BÁO".into(),
        subject: format!(
            "Kết luận của {chair_words} tại {}",
            the_meeting(&meeting.title)
        ),
        opening,
        sections,
        assignments,
        closing: "Ban chỉ đạo ứng dụng CNTT thông báo để các cơ quan, đơn vị biết, thực hiện./."
            .into(),
        recipients: vec![
            "- Các đồng chí thành viên Ban chỉ đạo;".into(),
            "- Các cơ quan, đơn vị có tên tại mục Phân công thực hiện;".into(),
            "- Lưu: VT.".into(),
        ],
        signer_title: signer_title(signer),
        signer_name: signer.map(|p| p.name.clone()).unwrap_or_default(),
    }
}

/// The lines above the signer's name (Decree 30/2020): the head signs as TRƯỞNG BAN, a deputy
/// for the head (KT.), anyone else on the head's behalf (TL.) with their own post; the
/// committee's secretary when nobody is chosen.
fn signer_title(signer: Option<&Person>) -> Vec<String> {
    let title = signer.map(|p| p.title.as_str()).unwrap_or_default();
    let folded = super::text::fold(title);
    if folded.contains("pho truong ban") {
        vec!["KT. TRƯỞNG BAN".into(), "PHÓ TRƯỞNG BAN".into()]
    } else if folded.contains("truong ban") {
        vec!["TRƯỞNG BAN".into()]
    } else {
        let post = title.split(',').next().map(str::trim).unwrap_or_default();
        let post = if post.is_empty() {
            "THƯ KÝ BAN CHỈ ĐẠO".to_string()
        } else {
            post.to_uppercase()
        };
        vec!["TL. TRƯỞNG BAN".into(), post]
    }
}

/// Who attended, as the notice names them ("đồng chí Nguyễn Văn A, Phó Chủ tịch"), the chair
/// apart.
fn attendee_words(meeting: &Meeting, book: &MeetingBook, people: &[Person]) -> Vec<String> {
    book.attendees
        .iter()
        .filter(|a| a.meeting_id == meeting.meeting_id)
        .filter(|a| a.person_id != meeting.chair_id || a.person_id.is_none())
        .filter_map(|a| {
            let person = a
                .person_id
                .and_then(|id| people.iter().find(|p| p.person_id == id));
            let name = person.map(|p| p.name.clone()).unwrap_or(a.name.clone());
            let title = if a.title.is_empty() {
                person.map(|p| p.title.clone()).unwrap_or_default()
            } else {
                a.title.clone()
            };
            let text = match (name.trim().is_empty(), title.trim().is_empty()) {
                (false, false) => format!("đồng chí {name}, {title}"),
                (false, true) => format!("đồng chí {name}"),
                (true, false) => title.trim().trim_start_matches(", ").to_string(),
                (true, true) => return None,
            };
            Some(text)
        })
        .collect()
}

/// The section that assigns the action items, numbered after the conclusions.
fn assignments(
    meeting: &Meeting,
    book: &MeetingBook,
    unit_name: &dyn Fn(Option<uuid::Uuid>) -> Option<String>,
) -> Option<Section> {
    let items: Vec<String> = book
        .actions
        .iter()
        .filter(|a| a.meeting_id == meeting.meeting_id && a.status != ActionStatus::Cancelled)
        // An item whose text is not yet written is left out.
        .filter(|a| a.is_written())
        .map(|a| {
            let who = unit_name(a.unit_id).unwrap_or_else(|| "Các đơn vị".into());
            let text = a.text.trim().trim_end_matches('.');
            match a.deadline {
                Some(d) => format!(
                    "- {who}: {}; thời hạn: {}.",
                    lowercase_first(text),
                    super::text::lower_initial(&d.display(super::lang::Lang::Vi))
                ),
                None => format!("- {who}: {}.", lowercase_first(text)),
            }
        })
        .collect();
    // A heading of its own, not numbered as one more conclusion.
    (!items.is_empty()).then(|| Section {
        heading: "Phân công thực hiện".into(),
        paragraphs: items,
    })
}

/// "Giao ban Ban chỉ đạo" → "giao ban Ban chỉ đạo" (inside a sentence). Only an ordinary first
/// word is lowered: one written in capitals ("UBND", "Quý I") or followed by a capitalised
/// word ("Phòng Nội vụ", a name) is kept as written.
fn lowercase_first(text: &str) -> String {
    let text = text.trim();
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    let ordinary = first.chars().skip(1).all(|c| !c.is_uppercase())
        && words
            .next()
            .and_then(|w| w.chars().next())
            .is_none_or(|c| !c.is_uppercase());
    if ordinary {
        super::text::lower_initial(text)
    } else {
        text.to_string()
    }
}

/// The meeting as a sentence names it: "cuộc họp giao ban tháng 01/2018", whether its title
/// is "Giao ban tháng 01/2018", "Họp giao ban…" or "Cuộc họp giao ban…".
fn the_meeting(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let folded: Vec<String> = words.iter().take(2).map(|w| super::text::fold(w)).collect();
    // "Họp …" and "Cuộc họp …", whatever their case, are not doubled.
    let skip = match folded.as_slice() {
        [a, b] if a == "cuoc" && b == "hop" => 2,
        [a, ..] if a == "hop" => 1,
        _ => 0,
    };
    let rest = words[skip.min(words.len())..].join(" ");
    let rest = if skip == 0 {
        lowercase_first(&rest)
    } else {
        rest
    };
    format!("cuộc họp {rest}").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline::Deadline;
    use crate::domain::meeting::{ActionItem, AgendaItem, Conclusion};
    use crate::domain::org::UnitKind;
    use uuid::Uuid;

    #[test]
    fn the_notice_holds_every_required_block() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let body = Body {
            body_id: Uuid::nil(),
            name: "Quận Long Biên".into(),
            kind: BodyKind::District,
            parent_name: Some("Thành phố Hà Nội".into()),
        };
        let chair = Person {
            person_id: Uuid::new_v4(),
            name: "Đỗ Mạnh Hải".into(),
            title: "Trưởng Ban chỉ đạo".into(),
            unit_id: None,
            active: true,
        };
        let office = Unit {
            unit_id: Uuid::new_v4(),
            name: "Phòng Văn hóa và Thông tin".into(),
            kind: UnitKind::Department,
            sort_order: 0,
            retired_on: None,
            joined_on: None,
        };
        let meeting = Meeting {
            meeting_id: Uuid::new_v4(),
            held_on: day(2018, 1, 3),
            time: Some("08:00".into()),
            title: "Giao ban Ban chỉ đạo ứng dụng CNTT quận".into(),
            place: String::new(),
            chair_id: Some(chair.person_id),
            notice_number: String::new(),
            signer_id: None,
        };
        let book = MeetingBook {
            meetings: vec![meeting.clone()],
            agenda: vec![AgendaItem {
                agenda_id: Uuid::new_v4(),
                meeting_id: meeting.meeting_id,
                title: "Báo cáo kết quả năm 2017".into(),
                presenter_id: Some(office.unit_id),
            }],
            conclusions: vec![Conclusion {
                conclusion_id: Uuid::new_v4(),
                meeting_id: meeting.meeting_id,
                number: 1,
                heading: "Về mô hình Cơ quan điện tử phường".into(),
                text: "Hoàn thiện bộ tiêu chí.".into(),
                set_id: None,
                period_id: None,
                plan_id: None,
            }],
            actions: vec![ActionItem {
                action_id: Uuid::new_v4(),
                meeting_id: meeting.meeting_id,
                conclusion_id: None,
                unit_id: Some(office.unit_id),
                text: "Ban hành bộ tiêu chí".into(),
                deadline: Some(Deadline::Month {
                    year: 2018,
                    month: 1,
                }),
                status: ActionStatus::Open,
                completed_on: None,
                completion_note: String::new(),
            }],
            ..MeetingBook::default()
        };
        let n = build_notice(
            &meeting,
            &book,
            &body,
            std::slice::from_ref(&chair),
            &[office],
            day(2018, 1, 5),
        );
        assert_eq!(n.authority, "UBND QUẬN LONG BIÊN");
        assert_eq!(n.place_date, "Long Biên, ngày 05 tháng 01 năm 2018");
        assert_eq!(n.number, "Số:       /TB-BCĐ");
        assert!(
            n.opening[0]
                .starts_with("Vào hồi 08 giờ 00 ngày 03 tháng 01 năm 2018, đồng chí Đỗ Mạnh Hải")
        );
        assert!(
            n.opening.last().is_some_and(
                |p| p.contains("Báo cáo kết quả năm 2017 (Phòng Văn hóa và Thông tin)")
            )
        );
        assert_eq!(
            n.sections[0].heading,
            "1. Về mô hình Cơ quan điện tử phường"
        );
        let a = n.assignments.as_ref().expect("assignments");
        assert_eq!(a.heading, "Phân công thực hiện");
        assert_eq!(
            a.paragraphs[0],
            "- Phòng Văn hóa và Thông tin: ban hành bộ tiêu chí; thời hạn: 01/2018."
        );
        assert_eq!(n.recipients.last().map(String::as_str), Some("- Lưu: VT."));
        // No signer chosen: the name is empty and the export warns; chosen, it is printed.
        assert_eq!(n.signer_name, "");
        assert!(n.warning(Lang::Vi).is_some_and(|w| w.contains("Người ký")));
        let signed = Meeting {
            signer_id: Some(chair.person_id),
            ..meeting.clone()
        };
        let n = build_notice(
            &signed,
            &book,
            &body,
            std::slice::from_ref(&chair),
            &[],
            day(2018, 1, 5),
        );
        assert_eq!(n.signer_name, "Đỗ Mạnh Hải");
        assert_eq!(n.warning(Lang::Vi), None);
        assert_eq!(n.signer_title, ["TRƯỞNG BAN"], "the head signs as the head");
        let secretary = Person {
            person_id: Uuid::new_v4(),
            name: "Nguyễn Thị Hoa".into(),
            title: "Chuyên viên Phòng Văn hóa và Thông tin".into(),
            unit_id: None,
            active: true,
        };
        let signed = Meeting {
            signer_id: Some(secretary.person_id),
            ..meeting.clone()
        };
        let n = build_notice(&signed, &book, &body, &[secretary], &[], day(2018, 1, 5));
        assert_eq!(
            n.signer_title,
            ["TL. TRƯỞNG BAN", "CHUYÊN VIÊN PHÒNG VĂN HÓA VÀ THÔNG TIN"]
        );
    }

    /// Issue 12, defect 4: what a văn thư sent back. A quarter keeps its Roman numeral, a task
    /// that starts with an abbreviation keeps it, a title that starts with "Họp" is not
    /// doubled, and the assignments are not numbered as one more conclusion.
    #[test]
    fn the_notice_reads_as_an_office_would_write_it() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let body = Body {
            body_id: Uuid::nil(),
            name: "Quận Long Biên".into(),
            kind: BodyKind::District,
            parent_name: None,
        };
        let meeting = Meeting {
            meeting_id: Uuid::new_v4(),
            held_on: day(2018, 1, 3),
            time: None,
            title: "Họp giao ban tháng 01/2018".into(),
            place: String::new(),
            chair_id: None,
            notice_number: String::new(),
            signer_id: None,
        };
        let action = |text: &str, deadline| ActionItem {
            action_id: Uuid::new_v4(),
            meeting_id: meeting.meeting_id,
            conclusion_id: None,
            unit_id: None,
            text: text.into(),
            deadline,
            status: ActionStatus::Open,
            completed_on: None,
            completion_note: String::new(),
        };
        let book = MeetingBook {
            meetings: vec![meeting.clone()],
            conclusions: vec![Conclusion {
                conclusion_id: Uuid::new_v4(),
                meeting_id: meeting.meeting_id,
                number: 1,
                heading: String::new(),
                text: "Hoàn thiện bộ tiêu chí.".into(),
                set_id: None,
                period_id: None,
                plan_id: None,
            }],
            actions: vec![
                action(
                    "UBND các phường báo cáo kết quả",
                    Some(Deadline::Quarter {
                        year: 2018,
                        quarter: 1,
                    }),
                ),
                action("Hoàn thành việc chấm điểm", None),
                action("Phòng Nội vụ thẩm định", None),
            ],
            ..MeetingBook::default()
        };
        let n = build_notice(&meeting, &book, &body, &[], &[], day(2018, 1, 5));
        let a = n.assignments.as_ref().expect("assignments");
        assert_eq!(
            a.paragraphs[0],
            "- Các đơn vị: UBND các phường báo cáo kết quả; thời hạn: quý I/2018."
        );
        assert_eq!(a.paragraphs[1], "- Các đơn vị: hoàn thành việc chấm điểm.");
        assert_eq!(a.paragraphs[2], "- Các đơn vị: Phòng Nội vụ thẩm định.");
        assert_eq!(a.heading, "Phân công thực hiện", "not a second conclusion");
        assert_eq!(n.sections[0].heading, "", "no heading: no line of its own");
        assert_eq!(n.sections[0].paragraphs[0], "1. Hoàn thiện bộ tiêu chí.");
        assert!(
            n.subject.ends_with("tại cuộc họp giao ban tháng 01/2018"),
            "{}",
            n.subject
        );
        for (title, said) in [
            ("Họp Ban Chỉ đạo quý I", "cuộc họp Ban Chỉ đạo quý I"),
            ("Cuộc họp giao ban", "cuộc họp giao ban"),
            ("Giao ban tháng 3", "cuộc họp giao ban tháng 3"),
        ] {
            assert_eq!(the_meeting(title), said);
        }
        assert!(
            n.opening[0].contains("chủ trì cuộc họp giao ban tháng 01/2018."),
            "{}",
            n.opening[0]
        );
    }
}
