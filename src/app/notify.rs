//! Messages to the person: toasts that fade, errors that stay until read.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// Seconds (egui time) when it was shown first; set by the UI.
    pub shown_at: Option<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct Notifications {
    notices: Vec<Notice>,
}

impl Notifications {
    pub const INFO_SECONDS: f64 = 6.0;
    pub const ERROR_SECONDS: f64 = 15.0;

    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text.into());
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Level::Error, text.into());
    }

    fn push(&mut self, level: Level, text: String) {
        self.notices.push(Notice {
            level,
            text,
            shown_at: None,
        });
        if self.notices.len() > 6 {
            self.notices.remove(0);
        }
    }

    pub fn all(&self) -> &[Notice] {
        &self.notices
    }

    pub fn last(&self) -> Option<&Notice> {
        self.notices.last()
    }

    pub fn last_error(&self) -> Option<&str> {
        self.notices
            .iter()
            .rev()
            .find(|n| n.level == Level::Error)
            .map(|n| n.text.as_str())
    }

    /// Stamps new notices with `now` and drops the expired ones.
    pub fn tick(&mut self, now: f64) {
        for n in &mut self.notices {
            n.shown_at.get_or_insert(now);
        }
        self.notices.retain(|n| {
            let life = match n.level {
                Level::Info => Self::INFO_SECONDS,
                Level::Error => Self::ERROR_SECONDS,
            };
            n.shown_at.is_none_or(|t| now - t < life)
        });
    }

    pub fn dismiss(&mut self, index: usize) {
        if index < self.notices.len() {
            self.notices.remove(index);
        }
    }
}
