//! The accuracy bar of the name checks on the annotated evaluation set
//! (tests/eval): at least 0.9 precision and 0.9 recall per name kind.

use std::process::Command;

#[test]
fn name_kinds_meet_the_accuracy_bar_on_the_evaluation_set() {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["eval", "tests/eval", "-v"])
        .output()
        .expect("factlint runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for kind in ["name-typo", "name-variant", "name-case"] {
        let row = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(kind))
            .unwrap_or_else(|| panic!("no row for {kind} in:\n{text}"));
        let cells: Vec<&str> = row.split_whitespace().collect();
        let expected: usize = cells[1].parse().unwrap();
        let precision: f64 = cells[6].parse().unwrap();
        let recall: f64 = cells[7].parse().unwrap();
        assert!(
            expected >= 12,
            "{kind}: too few annotated findings to measure\n{text}"
        );
        assert!(
            precision >= 0.9,
            "{kind} precision {precision} < 0.9\n{text}"
        );
        assert!(recall >= 0.9, "{kind} recall {recall} < 0.9\n{text}");
    }
}
