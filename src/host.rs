//! What the program learns from the machine it runs on, for every layer that needs it.

/// The name of the person logged in: the full name the system knows for the account (the
/// first field of its GECOS entry on Linux), else the account's name (`USER`, `USERNAME`,
/// `LOGNAME`, or the password database's entry), else "unknown". It is written into the audit
/// log when no name is given in the settings, into documents' properties, and by the command
/// line.
pub fn user_name() -> String {
    account()
        .and_then(|a| a.full_name.or(Some(a.login)))
        .or_else(|| {
            ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        })
        .unwrap_or_else(|| "unknown".into())
}

/// An entry of the password database.
#[derive(Debug, PartialEq)]
struct Account {
    login: String,
    full_name: Option<String>,
}

/// The entry of the account running the program, from `/etc/passwd`.
#[cfg(unix)]
fn account() -> Option<Account> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| parse_passwd(line, uid))
}

#[cfg(not(unix))]
fn account() -> Option<Account> {
    None
}

/// `login:x:uid:gid:Full Name,room,phone:home:shell`, when its uid is `uid`.
#[cfg_attr(not(unix), allow(dead_code))]
fn parse_passwd(line: &str, uid: u32) -> Option<Account> {
    let fields: Vec<&str> = line.split(':').collect();
    if fields.len() < 5 || fields[2].parse::<u32>().ok()? != uid {
        return None;
    }
    let login = fields[0].trim().to_string();
    let full_name = fields[4]
        .split(',')
        .next()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    (!login.is_empty()).then_some(Account { login, full_name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_name_comes_from_the_password_database() {
        let line = "thuky:x:1000:1000:Nguyễn Thị Hoa,,,:/home/thuky:/bin/bash";
        assert_eq!(
            parse_passwd(line, 1000),
            Some(Account {
                login: "thuky".into(),
                full_name: Some("Nguyễn Thị Hoa".into())
            })
        );
        assert_eq!(parse_passwd(line, 1001), None);
        assert_eq!(
            parse_passwd("root:x:0:0::/root:/bin/bash", 0).map(|a| a.full_name),
            Some(None)
        );
        assert_eq!(parse_passwd("broken", 0), None);
        assert!(!user_name().trim().is_empty());
    }
}
