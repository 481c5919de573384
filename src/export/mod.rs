//! Documents written for people outside the program: the notice of a meeting's conclusions
//! as DOCX and PDF, the deck as PDF, workbooks of scores and results (and reading the ones
//! that come back).

pub mod book_read;
pub mod book_write;
pub mod deck_pdf;
pub mod notice_docx;
pub mod notice_pdf;
pub mod results_publish;
pub mod returned;
mod returned_copy;
pub mod ward_form;

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::meeting::Meeting;
use crate::domain::notice::{Notice, build_notice};
use crate::store::{Store, StoreError};

/// The notice of `meeting` as the file holds it, issued on `issued`.
pub fn notice_of(
    store: &Store,
    meeting: &Meeting,
    issued: NaiveDate,
) -> Result<Notice, StoreError> {
    let book = store.meeting_book()?;
    let body = store.body()?;
    Ok(build_notice(
        meeting,
        &book,
        &body,
        &store.people()?,
        &store.units()?,
        issued,
    ))
}

/// Who writes a document and when: its properties (DOCX author and dates, PDF metadata).
#[derive(Debug, Clone)]
pub struct FileMeta {
    pub author: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Writes the notice to `out`: DOCX or PDF by the file's extension, through a temporary file
/// in the same folder so a half-written file never replaces a good one.
pub fn write_notice(notice: &Notice, meta: &FileMeta, out: &Path) -> Result<(), NoticeError> {
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "docx" => {
            notice_docx::notice_docx(notice, meta).map_err(|e| NoticeError::Write(e.to_string()))?
        }
        "pdf" => notice_pdf::notice_pdf(notice).map_err(NoticeError::Write)?,
        _ => return Err(NoticeError::Extension(ext)),
    };
    write_atomically(out, &bytes).map_err(NoticeError::File)
}

/// Writes `bytes` to `out` through a temporary file in the same folder, so a half-written
/// file never replaces a good one; the file is readable by others like any saved document.
/// A failure names the place and says what went wrong in words (never the system's text).
pub fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| StoreError::io(dir, e))?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(|e| StoreError::io(out, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(out).map_err(|e| StoreError::io(out, e.error))?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum NoticeError {
    #[error("the file name must end in .docx or .pdf (not \"{0}\")")]
    Extension(String),
    #[error("the notice could not be written: {0}")]
    Write(String),
    #[error("{0}")]
    File(StoreError),
}

impl NoticeError {
    pub fn message(&self, lang: crate::domain::lang::Lang) -> String {
        match lang {
            crate::domain::lang::Lang::En => self.to_string(),
            crate::domain::lang::Lang::Vi => match self {
                NoticeError::Extension(e) => {
                    format!("Tên tệp phải có đuôi .docx hoặc .pdf (không phải \"{e}\")")
                }
                NoticeError::Write(e) => format!("Không ghi được thông báo: {e}"),
                NoticeError::File(e) => e.message(crate::domain::lang::Lang::Vi),
            },
        }
    }
}
