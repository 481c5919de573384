//! What the program carries inside itself: the bundled fonts. The bottom of the house: every
//! module may use it, it uses nothing of ours.
//!
//! Noto Sans draws the window, the charts and the slides (egui's own fonts cannot draw
//! Vietnamese); Liberation Serif, metric-compatible with Times New Roman, sets the notice of
//! conclusions as Decree 30/2020 asks. Their licences are beside them in `assets/fonts`.

pub const NOTO_SANS_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");

pub const SERIF_REGULAR: &[u8] = include_bytes!("../assets/fonts/LiberationSerif-Regular.ttf");
pub const SERIF_BOLD: &[u8] = include_bytes!("../assets/fonts/LiberationSerif-Bold.ttf");
pub const SERIF_ITALIC: &[u8] = include_bytes!("../assets/fonts/LiberationSerif-Italic.ttf");
pub const SERIF_BOLD_ITALIC: &[u8] =
    include_bytes!("../assets/fonts/LiberationSerif-BoldItalic.ttf");
