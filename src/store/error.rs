//! Why a file cannot be opened or changed, as one line in the person's language.
//!
//! No text of SQLite's or of the operating system reaches a person: each failure is turned
//! into one of the variants below at the store's edge (`From<rusqlite::Error>`), and names or
//! paths that come from a file are shown with their control characters escaped.

use std::path::PathBuf;

use crate::domain::error::RuleError;
use crate::domain::lang::Lang;
use crate::domain::text::{display_path, escape_for_display, shorten};

/// Why a document is open read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file is read-only on disk.
    FileNotWritable,
    /// The folder holding the file, or the disk it is on, refuses new files (SQLite writes its
    /// journal beside the file while it saves).
    FolderNotWritable,
    /// Another running giaoban has the file open for writing.
    OpenElsewhere,
    /// The file is on a network share or drive, where SQLite's locks cannot be trusted.
    NetworkShare,
    /// Opened read-only on purpose (`giaoban check`).
    Requested,
}

impl ReadOnlyReason {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            ReadOnlyReason::FileNotWritable => lang.pick(
                "Chỉ đọc: tệp không cho phép ghi trên ổ đĩa. Dùng \"Lưu thành…\" để có bản sửa được.",
                "Read-only: the file is not writable on disk. Use \"Save as…\" to get an editable copy.",
            ),
            ReadOnlyReason::FolderNotWritable => lang.pick(
                "Chỉ đọc: không ghi được vào thư mục (hoặc ổ đĩa) chứa tệp. Dùng \"Lưu thành…\" để có bản sửa được ở nơi khác.",
                "Read-only: the folder (or disk) holding the file cannot be written to. Use \"Save as…\" to get an editable copy elsewhere.",
            ),
            ReadOnlyReason::OpenElsewhere => lang.pick(
                "Chỉ đọc: tệp đang được sửa trong một cửa sổ giaoban khác.",
                "Read-only: the file is being edited in another giaoban window.",
            ),
            ReadOnlyReason::NetworkShare => lang.pick(
                "Chỉ đọc: tệp nằm trên ổ mạng, nơi SQLite không khóa được tệp an toàn và hai người có thể ghi đè lên nhau. Dùng \"Lưu thành…\" để có bản trên máy này mà sửa; xong thì chép lại lên ổ mạng hoặc gửi e-mail.",
                "Read-only: the file is on a network drive, where SQLite cannot lock files safely and two people could overwrite each other. Use \"Save as…\" to get a copy on this computer to edit; copy it back to the share or e-mail it when done.",
            ),
            ReadOnlyReason::Requested => lang.pick("Chỉ đọc", "Read-only"),
        }
    }
}

/// What is wrong inside a file that SQLite can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// SQLite's structure check failed, or a read met a broken page or index.
    Structure,
    /// The description of the file's tables (its schema) cannot be read.
    Schema,
    /// The header names a page size SQLite does not have.
    PageSize,
    /// The file is in a journal mode giaoban does not use and cannot change.
    JournalMode,
    /// A row of this table points to a row that is not there.
    DanglingReference { table: String },
    /// The file names no body (or several).
    NoBody,
    /// A value the program never writes (an unknown kind, a bad date or id).
    Value,
}

impl Damage {
    fn message(&self, lang: Lang) -> String {
        match self {
            Damage::Structure => lang
                .pick(
                    "cấu trúc bên trong không còn nguyên vẹn",
                    "its internal structure is broken",
                )
                .into(),
            Damage::Schema => lang
                .pick(
                    "không đọc được mô tả các bảng (lược đồ)",
                    "the description of its tables (schema) cannot be read",
                )
                .into(),
            Damage::PageSize => lang
                .pick(
                    "phần đầu tệp ghi kích thước trang không hợp lệ",
                    "its header gives an impossible page size",
                )
                .into(),
            Damage::JournalMode => lang
                .pick(
                    "tệp ở chế độ nhật ký mà giaoban không dùng",
                    "it is in a journal mode giaoban does not use",
                )
                .into(),
            Damage::DanglingReference { table } => match lang {
                Lang::Vi => format!(
                    "một dòng của bảng \"{}\" trỏ tới dòng không có",
                    shown(table)
                ),
                Lang::En => format!("a row of \"{}\" points to a missing row", shown(table)),
            },
            Damage::NoBody => lang
                .pick("tệp không ghi cơ quan nào", "the file names no body")
                .into(),
            Damage::Value => lang
                .pick(
                    "có giá trị mà giaoban không bao giờ ghi",
                    "it holds a value giaoban never writes",
                )
                .into(),
        }
    }
}

/// The kinds of things a file's schema holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    Table,
    Index,
    Trigger,
    View,
    Other,
}

impl ObjectKind {
    pub fn from_sqlite(kind: &str) -> ObjectKind {
        match kind {
            "table" => ObjectKind::Table,
            "index" => ObjectKind::Index,
            "trigger" => ObjectKind::Trigger,
            "view" => ObjectKind::View,
            _ => ObjectKind::Other,
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            ObjectKind::Table => lang.pick("bảng", "table"),
            ObjectKind::Index => lang.pick("chỉ mục", "index"),
            ObjectKind::Trigger => "trigger",
            ObjectKind::View => "view",
            ObjectKind::Other => lang.pick("đối tượng", "object"),
        }
    }
}

/// How one object of a file's schema differs from what giaoban writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// Giaoban never makes it (a trigger, a view, an extra table or index).
    Foreign,
    /// It has a name giaoban uses, but other columns, constraints or definition.
    Changed,
    /// One giaoban makes is not there.
    Missing,
}

/// One object of a file's schema that is not as giaoban writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignObject {
    pub kind: ObjectKind,
    /// As the file spells it: show it through [`ForeignObject::message`].
    pub name: String,
    pub difference: Difference,
}

impl ForeignObject {
    /// "Tệp có trigger "wipe" không do giaoban tạo".
    pub fn message(&self, lang: Lang) -> String {
        let kind = self.kind.word(lang);
        let name = shown(&self.name);
        match (self.difference, lang) {
            (Difference::Foreign, Lang::Vi) => {
                format!("Tệp có {kind} \"{name}\" không do giaoban tạo")
            }
            (Difference::Foreign, Lang::En) => {
                format!("the file has a {kind} \"{name}\" that giaoban did not make")
            }
            (Difference::Changed, Lang::Vi) => {
                format!("Tệp có {kind} \"{name}\" đã bị sửa khác với {kind} giaoban tạo")
            }
            (Difference::Changed, Lang::En) => {
                format!("the file's {kind} \"{name}\" was changed from the one giaoban makes")
            }
            (Difference::Missing, Lang::Vi) => format!("Tệp thiếu {kind} \"{name}\" của giaoban"),
            (Difference::Missing, Lang::En) => {
                format!("the file lacks giaoban's {kind} \"{name}\"")
            }
        }
    }
}

/// A name from a file, safe for one line: escaped and at most 60 letters.
fn shown(name: &str) -> String {
    shorten(&escape_for_display(name), 60)
}

#[derive(Debug)]
pub enum StoreError {
    NotFound {
        path: PathBuf,
    },
    NotAFile {
        path: PathBuf,
    },
    AlreadyExists {
        path: PathBuf,
    },
    /// A file to be replaced is open for editing in another giaoban.
    InUse {
        path: PathBuf,
    },
    /// A file of an older version could not be brought to this one (a row the new version's
    /// rules refuse); the file is as it was, and its copy is beside it.
    UpgradeFailed {
        backup: PathBuf,
    },
    /// A file is to be written into a folder that does not exist.
    NoFolder {
        path: PathBuf,
    },
    /// A path longer than SQLite can open.
    PathTooLong {
        bytes: usize,
        max: usize,
    },
    Empty,
    NotSqlite,
    Truncated {
        expected: u64,
        actual: u64,
    },
    ForeignFile {
        application_id: u32,
    },
    NewerSchema {
        found: i64,
        max: i64,
    },
    OlderReadOnly {
        found: i64,
    },
    /// `user_version` 0 or below with giaoban's application id: no version of giaoban
    /// writes such a file.
    UnknownSchema {
        found: i64,
    },
    /// The schema holds something giaoban did not write (the first one found).
    ForeignSchema(ForeignObject),
    Damaged(Damage),
    /// Another program keeps the file locked for writing beyond the wait.
    Busy,
    /// SQLite could not open the file (a path it cannot take, a folder it may not enter).
    CannotOpen,
    DiskFull,
    ReadOnly(ReadOnlyReason),
    Rule(RuleError),
    Score(crate::domain::points::ScoreError),
    Workflow(crate::domain::results::WorkflowError),
    Definition(crate::domain::criteria::DefinitionError),
    Missing {
        what: &'static str,
    },
    /// A mistake of the program's own (an edit sent to the wrong writer).
    Internal(&'static str),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Any other refusal of SQLite's; shown by its number only.
    Sqlite(rusqlite::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Sqlite(e) => Some(e),
            _ => None,
        }
    }
}

impl From<RuleError> for StoreError {
    fn from(e: RuleError) -> Self {
        StoreError::Rule(e)
    }
}

impl From<crate::domain::points::ScoreError> for StoreError {
    fn from(e: crate::domain::points::ScoreError) -> Self {
        StoreError::Score(e)
    }
}

impl From<crate::domain::results::WorkflowError> for StoreError {
    fn from(e: crate::domain::results::WorkflowError) -> Self {
        StoreError::Workflow(e)
    }
}

impl From<crate::domain::criteria::DefinitionError> for StoreError {
    fn from(e: crate::domain::criteria::DefinitionError) -> Self {
        StoreError::Definition(e)
    }
}

/// The one place where SQLite's errors become the program's: a broken page anywhere is "the
/// file is damaged", a lock held too long is "busy", a full disk is said as such.
impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::IntegralValueOutOfRange(..)
        | rusqlite::Error::Utf8Error(..) = err
        {
            return StoreError::Damaged(Damage::Value);
        }
        match err.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotSqlite,
            Some(ErrorCode::DatabaseCorrupt) => {
                let schema = matches!(&err, rusqlite::Error::SqliteFailure(_, Some(m))
                    if m.contains("malformed database schema"));
                StoreError::Damaged(if schema {
                    Damage::Schema
                } else {
                    Damage::Structure
                })
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(ReadOnlyReason::FolderNotWritable),
            _ => StoreError::Sqlite(err),
        }
    }
}

/// What went wrong with a file operation, in words (never the OS's own text).
fn io_words(source: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let words = match source.kind() {
        K::NotFound => lang.pick("không tìm thấy", "not found"),
        K::PermissionDenied => lang.pick("không có quyền truy cập", "permission denied"),
        K::ReadOnlyFilesystem => lang.pick("ổ đĩa chỉ cho phép đọc", "the disk is read-only"),
        K::StorageFull | K::QuotaExceeded => lang.pick("ổ đĩa đã đầy", "the disk is full"),
        K::InvalidFilename => lang.pick(
            "tên tệp không hợp lệ hoặc quá dài",
            "the file name is invalid or too long",
        ),
        K::AlreadyExists => lang.pick("đã tồn tại", "already exists"),
        K::IsADirectory => lang.pick("là một thư mục", "is a folder"),
        K::NotADirectory => lang.pick(
            "một phần của đường dẫn không phải thư mục",
            "a part of the path is not a folder",
        ),
        K::FileTooLarge => lang.pick("tệp quá lớn", "the file is too large"),
        K::Interrupted | K::TimedOut | K::WouldBlock => lang.pick(
            "thao tác bị gián đoạn, hãy thử lại",
            "the operation was interrupted, try again",
        ),
        _ => {
            return match (source.raw_os_error(), lang) {
                (Some(code), Lang::Vi) => format!("lỗi đọc/ghi tệp (mã {code})"),
                (Some(code), Lang::En) => format!("read or write error (code {code})"),
                (None, lang) => lang.pick("lỗi đọc/ghi tệp", "read or write error").into(),
            };
        }
    };
    words.into()
}

impl StoreError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }

    /// True when the file holds something giaoban did not write, which a clean copy
    /// (`giaoban repair`) can leave out.
    pub fn is_repairable(&self) -> bool {
        matches!(self, StoreError::ForeignSchema(_))
    }

    /// One line, in the person's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::NotFound { path } => match lang {
                Lang::Vi => format!("{}: không có tệp này", display_path(path)),
                Lang::En => format!("{}: no such file", display_path(path)),
            },
            StoreError::NotAFile { path } => match lang {
                Lang::Vi => format!("{}: không phải là tệp", display_path(path)),
                Lang::En => format!("{}: not a file", display_path(path)),
            },
            StoreError::AlreadyExists { path } => match lang {
                Lang::Vi => format!("{}: tệp đã tồn tại", display_path(path)),
                Lang::En => format!("{}: already exists", display_path(path)),
            },
            StoreError::InUse { path } => match lang {
                Lang::Vi => format!(
                    "{}: tệp đang được sửa trong một cửa sổ giaoban khác; đóng cửa sổ đó rồi làm lại",
                    display_path(path)
                ),
                Lang::En => format!(
                    "{}: the file is being edited in another giaoban window; close it and try again",
                    display_path(path)
                ),
            },
            StoreError::UpgradeFailed { backup } => match lang {
                Lang::Vi => format!(
                    "Không nâng cấp được tệp lên phiên bản này: có dữ liệu phiên bản này không nhận (ví dụ một ghi chú dài quá 2.000 chữ). Tệp vẫn như cũ; bản sao trước khi nâng cấp ở {}",
                    display_path(backup)
                ),
                Lang::En => format!(
                    "the file could not be brought to this version: it holds data this version refuses (a note over 2,000 letters, say). The file is as it was; its copy from before is {}",
                    display_path(backup)
                ),
            },
            StoreError::NoFolder { path } => match lang {
                Lang::Vi => format!("Thư mục {} không tồn tại", display_path(path)),
                Lang::En => format!("the folder {} does not exist", display_path(path)),
            },
            StoreError::PathTooLong { bytes, max } => match lang {
                Lang::Vi => format!(
                    "Đường dẫn quá dài ({bytes} byte, tối đa {max}): hãy chuyển tệp vào thư mục có đường dẫn ngắn hơn"
                ),
                Lang::En => format!(
                    "the path is too long ({bytes} bytes, at most {max}): move the file to a folder with a shorter path"
                ),
            },
            StoreError::Empty => lang.pick("Tệp rỗng (0 byte)", "the file is empty").into(),
            StoreError::NotSqlite => lang
                .pick(
                    "Không phải tệp giaoban (không phải cơ sở dữ liệu SQLite)",
                    "not a giaoban file (not an SQLite database)",
                )
                .into(),
            StoreError::Truncated { expected, actual } => match lang {
                Lang::Vi => format!("Tệp bị cắt cụt ({actual} trên {expected} byte)"),
                Lang::En => format!("the file is truncated ({actual} of {expected} bytes)"),
            },
            StoreError::ForeignFile { application_id } => match lang {
                Lang::Vi => format!(
                    "Tệp SQLite của chương trình khác (application id {application_id:#010x}), không phải tệp giaoban"
                ),
                Lang::En => format!(
                    "an SQLite file of another program (application id {application_id:#010x}), not a giaoban file"
                ),
            },
            StoreError::NewerSchema { found, max } => match lang {
                Lang::Vi => format!(
                    "Tệp do phiên bản giaoban mới hơn tạo (lược đồ {found}); phiên bản này chỉ đọc được tới {max}"
                ),
                Lang::En => format!(
                    "made by a newer version of giaoban (schema {found}); this one reads up to {max}"
                ),
            },
            StoreError::OlderReadOnly { found } => match lang {
                Lang::Vi => format!(
                    "Tệp do phiên bản giaoban cũ hơn tạo (lược đồ {found}) và đang chỉ đọc: hãy mở bản sửa được để nâng cấp"
                ),
                Lang::En => format!(
                    "made by an older version of giaoban (schema {found}) and read-only here: open a writable copy to upgrade it"
                ),
            },
            StoreError::UnknownSchema { found } => match lang {
                Lang::Vi => format!(
                    "Tệp ghi số hiệu lược đồ {found}, không phiên bản giaoban nào tạo tệp như vậy: không mở"
                ),
                Lang::En => format!(
                    "the file gives schema version {found}, which no version of giaoban writes: not opened"
                ),
            },
            StoreError::ForeignSchema(object) => object.message(lang),
            StoreError::Damaged(damage) => match lang {
                Lang::Vi => format!("Tệp bị hỏng: {}", damage.message(lang)),
                Lang::En => format!("the file is damaged: {}", damage.message(lang)),
            },
            StoreError::Busy => lang
                .pick(
                    "Tệp đang được một chương trình khác ghi và chưa nhả ra: hãy thử lại sau ít giây",
                    "another program is writing to the file and has not let go of it: try again in a few seconds",
                )
                .into(),
            StoreError::CannotOpen => lang
                .pick(
                    "Không mở được tệp: đường dẫn quá dài hoặc không có quyền vào thư mục",
                    "the file cannot be opened: the path is too long or the folder cannot be entered",
                )
                .into(),
            StoreError::DiskFull => lang
                .pick(
                    "Ổ đĩa đã đầy: chưa lưu được, dữ liệu đã lưu trước đó vẫn nguyên",
                    "the disk is full: not saved; what was saved before is intact",
                )
                .into(),
            StoreError::ReadOnly(reason) => reason.message(lang).into(),
            StoreError::Rule(rule) => rule.message(lang),
            StoreError::Score(e) => e.message(lang),
            StoreError::Workflow(e) => e.message(lang),
            StoreError::Definition(e) => e.message(lang),
            StoreError::Missing { what } => match lang {
                Lang::Vi => format!("Không tìm thấy: {what}"),
                Lang::En => format!("{what} not found"),
            },
            StoreError::Internal(what) => match lang {
                Lang::Vi => format!("Lỗi của chương trình ({what}); dữ liệu đã lưu vẫn nguyên"),
                Lang::En => format!("a fault of the program ({what}); what was saved is intact"),
            },
            StoreError::Io { path, source } => {
                format!("{}: {}", display_path(path), io_words(source, lang))
            }
            StoreError::Sqlite(e) => {
                let code = match e {
                    rusqlite::Error::SqliteFailure(f, _) => format!(" ({} {})", lang.pick("mã SQLite", "SQLite code"), f.extended_code),
                    _ => String::new(),
                };
                match lang {
                    Lang::Vi => format!(
                        "Không đọc/ghi được tệp{code}; dữ liệu đã lưu vẫn nguyên"
                    ),
                    Lang::En => format!(
                        "the file could not be read or written{code}; what was saved is intact"
                    ),
                }
            }
        }
    }
}
