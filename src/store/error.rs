//! Why a file cannot be opened or changed, as one line in the person's language.

use std::path::PathBuf;

use thiserror::Error;

use crate::domain::error::RuleError;
use crate::domain::lang::Lang;

/// Why a document is open read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file (or its folder) is read-only on disk.
    FileNotWritable,
    /// Another running giaoban has the file open for writing.
    OpenElsewhere,
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
            ReadOnlyReason::OpenElsewhere => lang.pick(
                "Chỉ đọc: tệp đang được mở để sửa trong một cửa sổ giaoban khác.",
                "Read-only: the file is open for editing in another giaoban window.",
            ),
            ReadOnlyReason::Requested => lang.pick("Chỉ đọc", "Read-only"),
        }
    }
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: not a file")]
    NotAFile { path: PathBuf },
    #[error("{path}: already exists")]
    AlreadyExists { path: PathBuf },
    #[error("the file is empty")]
    Empty,
    #[error("not a giaoban file (not an SQLite database)")]
    NotSqlite,
    #[error("the file is truncated ({actual} of {expected} bytes)")]
    Truncated { expected: u64, actual: u64 },
    #[error(
        "an SQLite file of another program (application id {application_id:#010x}), not a giaoban file"
    )]
    ForeignFile { application_id: u32 },
    #[error("made by a newer version of giaoban (schema {found}); this one reads up to {max}")]
    NewerSchema { found: i64, max: i64 },
    #[error(
        "made by an older version of giaoban (schema {found}); open it for editing once to upgrade it"
    )]
    OlderReadOnly { found: i64 },
    #[error("the file is damaged: {detail}")]
    Damaged { detail: String },
    #[error("{0}")]
    ReadOnly(&'static str),
    #[error("{0}")]
    Rule(#[from] RuleError),
    #[error("{0}")]
    Score(#[from] crate::domain::points::ScoreError),
    #[error("{0}")]
    Workflow(#[from] crate::domain::results::WorkflowError),
    #[error("{0}")]
    Definition(#[from] crate::domain::criteria::DefinitionError),
    #[error("{what} not found")]
    Missing { what: &'static str },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }

    /// One line, in the person's language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            StoreError::NotFound { path } => format!("{}: không có tệp này", path.display()),
            StoreError::NotAFile { path } => format!("{}: không phải là tệp", path.display()),
            StoreError::AlreadyExists { path } => format!("{}: tệp đã tồn tại", path.display()),
            StoreError::Empty => "Tệp rỗng (0 byte)".into(),
            StoreError::NotSqlite => {
                "Không phải tệp giaoban (không phải cơ sở dữ liệu SQLite)".into()
            }
            StoreError::Truncated { expected, actual } => {
                format!("Tệp bị cắt cụt ({actual} trên {expected} byte)")
            }
            StoreError::ForeignFile { application_id } => format!(
                "Tệp SQLite của chương trình khác (application id {application_id:#010x}), không phải tệp giaoban"
            ),
            StoreError::NewerSchema { found, max } => format!(
                "Tệp do phiên bản giaoban mới hơn tạo (lược đồ {found}); phiên bản này chỉ đọc được tới {max}"
            ),
            StoreError::OlderReadOnly { found } => format!(
                "Tệp do phiên bản giaoban cũ hơn tạo (lược đồ {found}); hãy mở để sửa một lần để nâng cấp"
            ),
            StoreError::Damaged { detail } => format!("Tệp bị hỏng: {detail}"),
            StoreError::ReadOnly(reason) => (*reason).to_string(),
            StoreError::Rule(rule) => rule.message(lang),
            StoreError::Score(e) => e.message(lang),
            StoreError::Workflow(e) => e.message(lang),
            StoreError::Definition(e) => e.message(lang),
            StoreError::Missing { what } => format!("Không tìm thấy: {what}"),
            StoreError::Io { path, source } => format!("{}: {source}", path.display()),
            StoreError::Sqlite(e) => format!("Lỗi cơ sở dữ liệu: {e}"),
        }
    }
}
