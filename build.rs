//! The Windows exe's own resources: its icon and the version information Explorer shows
//! (Properties → Details). Nothing is done for other targets.

fn main() {
    println!("cargo:rerun-if-changed=assets/giaoban.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/giaoban.ico")
        .set("ProductName", "giaoban")
        .set(
            "FileDescription",
            "giaoban: giao ban, chấm điểm, kế hoạch của Ban Chỉ đạo CNTT",
        )
        .set("CompanyName", "giaoban")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("OriginalFilename", "giaoban.exe")
        .set_language(0x042A); // Vietnamese
    // An exe without its icon and version is not one to hand to a secretary: stop here.
    if let Err(e) = res.compile() {
        eprintln!("Windows resources (icon, version) could not be compiled: {e}");
        std::process::exit(1);
    }
}
