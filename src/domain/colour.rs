//! Colours as rules: a band's colour read from the file, and whether black or white text reads
//! on it. The window's chips, the grid's cells, the charts and the slides all ask here, so a
//! band looks the same on the screen and on the wall.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::meeting::{ActionItem, ActionStatus, overdue_on};
use super::progress::TargetStatus;
use super::scoring::Band;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// "#RRGGBB" (as bands store their colour).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// Relative luminance (WCAG), 0 for black to 1 for white.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// Black or white, whichever reads better on this colour.
    pub fn text_on(self) -> Rgb {
        // Contrast with black (L+0.05)/0.05 against white 1.05/(L+0.05): equal at L ≈ 0.179.
        if self.luminance() > 0.179 { INK } else { WHITE }
    }
}

pub const INK: Rgb = Rgb(0x11, 0x11, 0x11);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
/// Secondary text: still 9:1 on white.
pub const MUTED: Rgb = Rgb(0x44, 0x44, 0x44);

/// Status colours, strong enough for a projector and told apart by their words too.
pub const GOOD: Rgb = Rgb(0x1b, 0x7f, 0x3b);
pub const ON_TRACK: Rgb = Rgb(0x1f, 0x5f, 0xa8);
pub const WARN: Rgb = Rgb(0xd9, 0x8a, 0x00);
pub const BAD: Rgb = Rgb(0xc6, 0x28, 0x28);
pub const NONE: Rgb = Rgb(0x8a, 0x8a, 0x8a);

/// A target's status, as the Plans panel and the targets slide both show it.
pub fn of_target(status: TargetStatus) -> Rgb {
    match status {
        TargetStatus::Achieved => GOOD,
        TargetStatus::OnTrack => ON_TRACK,
        TargetStatus::AtRisk => WARN,
        TargetStatus::Overdue => BAD,
        TargetStatus::NotStarted => NONE,
    }
}

/// An action item's state as of a day, as the Meetings panel and the action items slide both
/// show it: overdue first, then done, cancelled or open.
pub fn of_action(a: &ActionItem, as_of: NaiveDate) -> Rgb {
    if overdue_on(a, as_of) {
        BAD
    } else {
        match a.status {
            ActionStatus::Done => GOOD,
            ActionStatus::Cancelled => NONE,
            ActionStatus::Open => ON_TRACK,
        }
    }
}

/// What a colour that cannot be read is shown as (a file from anyone may hold "red" or "#12").
pub const UNREADABLE: Rgb = Rgb(0x8a, 0x8a, 0x8a);

/// The colours of five bands, best first (Xuất sắc, Tốt, Khá, Trung bình, Yếu): blue to red
/// through yellow, each apart from every other in lightness or on the blue–yellow axis, so
/// they stay apart for the 1 man in 12 who does not tell red from green (checked by
/// simulating protanopia, deuteranopia and tritanopia in the tests).
pub const BAND_PALETTE: [&str; 5] = ["#08519C", "#6BAED6", "#F2C12E", "#F46D43", "#A50026"];

impl Band {
    /// The band's colour, grey when the file's text is not "#RRGGBB".
    pub fn colour(&self) -> Rgb {
        Rgb::parse(&self.color).unwrap_or(UNREADABLE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_from_the_file_are_read_or_shown_grey() {
        assert_eq!(Rgb::parse("#F2D04B"), Some(Rgb(0xf2, 0xd0, 0x4b)));
        assert_eq!(Rgb::parse("#1565C0"), Some(Rgb(0x15, 0x65, 0xc0)));
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::parse("#12"), None);
        assert_eq!(Rgb::parse("#ệệ"), None);
        assert_eq!(Rgb::parse("#ẞẞẞ"), None);
        assert_eq!(Rgb::parse("#+1+2+3"), None);
    }

    #[test]
    fn text_on_a_colour_is_the_one_with_more_contrast() {
        assert_eq!(Rgb(0x0b, 0x5d, 0x2a).text_on(), WHITE);
        assert_eq!(Rgb(0xf2, 0xd0, 0x4b).text_on(), INK);
        assert_eq!(WHITE.text_on(), INK);
        assert_eq!(INK.text_on(), WHITE);
        // Mid-grey: black text gives 5.3:1 against white's 3.9:1.
        assert_eq!(Rgb(0x80, 0x80, 0x80).text_on(), INK);
    }

    /// sRGB to CIE Lab (D65), after a colour-vision matrix on linear RGB (Machado et al.
    /// 2009, severity 1).
    fn lab(c: Rgb, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let rgb = [lin(c.0), lin(c.1), lin(c.2)];
        let sim: Vec<f64> = m
            .iter()
            .map(|row| (0..3).map(|k| row[k] * rgb[k]).sum::<f64>().clamp(0.0, 1.0))
            .collect();
        let x = 0.4124 * sim[0] + 0.3576 * sim[1] + 0.1805 * sim[2];
        let y = 0.2126 * sim[0] + 0.7152 * sim[1] + 0.0722 * sim[2];
        let z = 0.0193 * sim[0] + 0.1192 * sim[1] + 0.9505 * sim[2];
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// Issue 12, defect 14: the bands are told apart with every kind of colour vision, Khá
    /// and Trung bình too (the demo's old amber and orange were 13 apart for everyone, and
    /// less under deuteranopia).
    #[test]
    fn band_colours_stay_apart_for_colour_blind_eyes() {
        const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
        const PROTAN: [[f64; 3]; 3] = [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ];
        const DEUTAN: [[f64; 3]; 3] = [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ];
        const TRITAN: [[f64; 3]; 3] = [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ];
        let distance = |a: Rgb, b: Rgb, m: &[[f64; 3]; 3]| {
            let (p, q) = (lab(a, m), lab(b, m));
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
        };
        let palette: Vec<Rgb> = BAND_PALETTE.iter().filter_map(|c| Rgb::parse(c)).collect();
        assert_eq!(palette.len(), 5);
        for (name, m) in [
            ("normal", NORMAL),
            ("protanopia", PROTAN),
            ("deuteranopia", DEUTAN),
            ("tritanopia", TRITAN),
        ] {
            for i in 0..5 {
                for j in i + 1..5 {
                    let d = distance(palette[i], palette[j], &m);
                    assert!(d >= 20.0, "{name}: bands {i} and {j} only {d:.1} apart");
                }
            }
        }
        // The old pair, for the record: too close.
        let (kha, tb) = (Rgb(0xf9, 0xa8, 0x25), Rgb(0xef, 0x6c, 0x00));
        assert!(distance(kha, tb, &DEUTAN) < 20.0);
    }
}
