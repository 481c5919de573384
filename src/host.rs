//! What the program learns from the machine it runs on, for every layer that needs it.

use std::path::Path;

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

/// Joins the console of the program that started this one (cmd.exe, PowerShell), so what the
/// command line prints appears there. Output already sent to a file or a pipe
/// (`giaoban check F > out.txt`) stays where it was sent. Nothing happens elsewhere than on
/// Windows, or when there is no such console (a double click).
pub fn attach_console() {
    #[cfg(windows)]
    windows::attach_console();
}

/// Why a path is on another machine (a Windows share, a mapped network drive, NFS, SMB or
/// SSHFS), where SQLite's file locks cannot be trusted; `None` on this machine's own disks.
pub fn network_place(path: &Path) -> Option<NetworkPlace> {
    // On Linux `//server/x` is only the root written twice.
    if cfg!(windows) && is_unc(&path.to_string_lossy()) {
        return Some(NetworkPlace::Share);
    }
    #[cfg(windows)]
    if windows::on_remote_drive(path) {
        return Some(NetworkPlace::MappedDrive);
    }
    #[cfg(target_os = "linux")]
    {
        // Through symbolic links: a link in the home folder may lead onto a share.
        let absolute = std::fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .ok()?;
        let mounts = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
        if let Some(kind) = network_mount(&mounts, &absolute) {
            return Some(NetworkPlace::Mount(kind));
        }
    }
    None
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkPlace {
    /// `\\server\share\…`
    Share,
    /// A drive letter the system says is remote (`net use Z: \\server\share`).
    MappedDrive,
    /// A network file system mounted on Linux (its type, e.g. `cifs`).
    Mount(String),
}

/// `\\server\share\…` or `\\?\UNC\server\share\…`, but not a local path written the long way
/// (`\\?\C:\…`, `\\.\…`).
fn is_unc(text: &str) -> bool {
    let t = text.replace('/', "\\");
    if let Some(rest) = t.strip_prefix(r"\\?\") {
        return rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(r"UNC\");
    }
    t.starts_with(r"\\") && !t.starts_with(r"\\.\") && t.len() > 2
}

/// The type of the network file system holding `path`, from `/proc/self/mountinfo`: the
/// longest mount point that holds it decides.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn network_mount(mountinfo: &str, path: &Path) -> Option<String> {
    const NETWORK: [&str; 9] = [
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "afs",
        "ncpfs",
        "9p",
    ];
    let mut best: Option<(usize, &str)> = None;
    for line in mountinfo.lines() {
        // id parent major:minor root mount-point options [optional…] - type source super
        let mut halves = line.splitn(2, " - ");
        let (Some(left), Some(right)) = (halves.next(), halves.next()) else {
            continue;
        };
        let Some(point) = left.split(' ').nth(4) else {
            continue;
        };
        let point = point.replace("\\040", " ");
        let Some(kind) = right.split(' ').next() else {
            continue;
        };
        if path.starts_with(&point) && best.is_none_or(|(len, _)| point.len() >= len) {
            best = Some((point.len(), kind));
        }
    }
    best.map(|(_, kind)| kind)
        .filter(|kind| NETWORK.contains(kind))
        .map(str::to_string)
}

#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use std::os::windows::ffi::OsStrExt;
    use std::path::{Component, Path, Prefix};

    use windows_sys::Win32::Storage::FileSystem::{
        FILE_TYPE_DISK, FILE_TYPE_PIPE, GetDriveTypeW, GetFileType,
    };
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
    };
    use windows_sys::Win32::System::WindowsProgramming::DRIVE_REMOTE;

    pub fn attach_console() {
        // SAFETY: GetStdHandle and GetFileType take no pointers and accept any handle value,
        // null and invalid included; AttachConsole takes a process id and fails harmlessly
        // when the parent has no console.
        unsafe {
            let sent = |which| {
                let kind = GetFileType(GetStdHandle(which));
                kind == FILE_TYPE_DISK || kind == FILE_TYPE_PIPE
            };
            if sent(STD_OUTPUT_HANDLE) && sent(STD_ERROR_HANDLE) {
                return;
            }
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }

    /// Whether `path`'s drive letter is a network drive.
    pub fn on_remote_drive(path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let Some(Component::Prefix(prefix)) = absolute.components().next() else {
            return false;
        };
        let letter = match prefix.kind() {
            Prefix::Disk(l) | Prefix::VerbatimDisk(l) => l,
            _ => return false,
        };
        let root: Vec<u16> = std::ffi::OsStr::new(&format!("{}:\\", letter as char))
            .encode_wide()
            .chain([0])
            .collect();
        // SAFETY: `root` is a nul-terminated wide string that outlives the call.
        unsafe { GetDriveTypeW(root.as_ptr()) == DRIVE_REMOTE }
    }
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

    #[test]
    fn shares_are_told_from_local_paths() {
        assert!(is_unc(r"\\server\chung\giaoban.db"));
        assert!(is_unc(r"\\?\UNC\server\chung\giaoban.db"));
        assert!(is_unc("//server/chung/giaoban.db"));
        assert!(!is_unc(r"\\?\C:\Users\Thu ky\giaoban.db"));
        assert!(!is_unc(r"\\.\pipe\x"));
        assert!(!is_unc(r"C:\Users\Thư ký\Tài liệu\giao ban.db"));
        assert!(!is_unc("/home/thuky/giaoban.db"));
        assert_eq!(
            network_place(Path::new(r"\\server\chung\giaoban.db")).is_some(),
            cfg!(windows)
        );
    }

    #[test]
    fn a_network_mount_is_found_by_its_longest_mount_point() {
        let info = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:50 / /mnt/phong\\040hop rw,relatime shared:20 - cifs //server/chung rw,vers=3.0
41 40 8:2 / /mnt/phong\\040hop/usb rw - vfat /dev/sdb1 rw
42 22 0:51 / /home/thuky/nfs rw - nfs4 server:/export rw
";
        let at = |p: &str| network_mount(info, Path::new(p));
        assert_eq!(at("/mnt/phong hop/giaoban.db"), Some("cifs".into()));
        assert_eq!(at("/mnt/phong hop/usb/giaoban.db"), None);
        assert_eq!(at("/home/thuky/nfs/a.db"), Some("nfs4".into()));
        assert_eq!(at("/home/thuky/nfsx/a.db"), None);
        assert_eq!(at("/home/thuky/a.db"), None);
        assert_eq!(network_mount("garbage\n\n - \n", Path::new("/a")), None);
        // This machine's own temporary folder is not on the network.
        assert_eq!(network_place(&std::env::temp_dir().join("x.db")), None);
    }
}
