//! The exercise browser's list and search line: `/` filters as you type,
//! categories are never cut, `PgDn` never scrolls a detail that fits, and
//! `Enter` offers one exercise now.

use backcoach::catalog::{self, Catalog};
use backcoach::tui::screens::browser::{BrowserAction, BrowserScreen};
use backcoach::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn press(b: &mut BrowserScreen, c: &Catalog, code: KeyCode) -> BrowserAction {
    b.on_key(KeyEvent::new(code, KeyModifiers::NONE), c)
}

fn typed(b: &mut BrowserScreen, c: &Catalog, text: &str) {
    for ch in text.chars() {
        press(b, c, KeyCode::Char(ch));
    }
}

fn draw(b: &BrowserScreen, c: &Catalog, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| b.render(f, f.area(), c, &Theme::monochrome()))
        .expect("draw");
    terminal.backend().to_string()
}

#[test]
fn search_filters_by_name_target_and_category_and_categories_show_whole() {
    let c = catalog::builtin().expect("catalog");
    let mut b = BrowserScreen::default();
    draw(&b, &c, 80, 24);
    press(&mut b, &c, KeyCode::Char('/'));
    assert!(b.typing(), "keys go to the search line");
    typed(&mut b, &c, "stretch");
    let screen = draw(&b, &c, 80, 24);
    assert!(screen.contains("Search: stretch_"), "{screen}");
    assert!(screen.contains("Levator scapulae"), "{screen}");
    assert!(!screen.contains("Superman"), "{screen}");
    // Every row ends with its category in full, never "stretc".
    for row in screen.lines().filter(|l| l.contains("stretc")) {
        assert!(
            row.contains("stretch") || row.contains("Search"),
            "a category cut short: {row}"
        );
    }
    insta::assert_snapshot!("browser_search_stretch_80x24", screen);
    // A target: the glutes.
    press(&mut b, &c, KeyCode::Esc);
    assert!(!b.typing());
    press(&mut b, &c, KeyCode::Char('/'));
    typed(&mut b, &c, "glutes");
    let screen = draw(&b, &c, 80, 24);
    assert!(screen.contains("Bridge"), "{screen}");
    // Nothing matches: said so.
    typed(&mut b, &c, "zzz");
    assert!(draw(&b, &c, 80, 24).contains("No exercise matches \"gluteszzz\"."));
}

#[test]
fn enter_offers_the_exercise_now_and_any_other_key_declines() {
    let c = catalog::builtin().expect("catalog");
    let mut b = BrowserScreen::default();
    press(&mut b, &c, KeyCode::Char('/'));
    typed(&mut b, &c, "bird dog");
    press(&mut b, &c, KeyCode::Enter);
    assert_eq!(press(&mut b, &c, KeyCode::Enter), BrowserAction::None);
    assert!(draw(&b, &c, 80, 24).contains("Do the Bird dog now, on its own?"));
    assert_eq!(press(&mut b, &c, KeyCode::Esc), BrowserAction::None);
    press(&mut b, &c, KeyCode::Enter);
    assert_eq!(
        press(&mut b, &c, KeyCode::Enter),
        BrowserAction::DoNow("bird-dog".into())
    );
}

#[test]
fn page_down_never_scrolls_a_detail_that_already_fits() {
    let c = catalog::builtin().expect("catalog");
    let mut b = BrowserScreen::default();
    // Easy walk: a short detail on a tall screen.
    let before = draw(&b, &c, 120, 60);
    press(&mut b, &c, KeyCode::PageDown);
    let after = draw(&b, &c, 120, 60);
    assert_eq!(before, after, "nothing to scroll");
    // On a small screen a long detail does scroll, and only as far as it goes.
    press(&mut b, &c, KeyCode::Char('/'));
    typed(&mut b, &c, "superman");
    press(&mut b, &c, KeyCode::Enter);
    let top = draw(&b, &c, 80, 24);
    for _ in 0..20 {
        press(&mut b, &c, KeyCode::PageDown);
    }
    let bottom = draw(&b, &c, 80, 24);
    assert_ne!(top, bottom);
    press(&mut b, &c, KeyCode::PageUp);
    let up = draw(&b, &c, 80, 24);
    assert_ne!(
        up, bottom,
        "one PgUp comes back at once, however often PgDn was pressed"
    );
}
