//! What the program learns from the machine it runs on, for every layer that needs it.

/// The name of the person logged in (`USER`, `USERNAME` or `LOGNAME`), or "unknown": the name
/// written into the audit log when none is given in the settings, and by the command line.
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown".into())
}
