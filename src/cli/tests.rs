//! Tests of the parent module, kept apart so the module itself stays
//! readable at a glance.

/// A name with a tab or a line break cannot forge a field or a line of
/// `serve`'s "party<TAB>link" output.
#[test]
fn a_name_is_one_field_of_one_line() {
    let forged = "De Brug\thttp://evil/b/x\nHorizon";
    let line = super::one_line(forged);
    assert!(!line.contains(['\t', '\n', '\r']));
    assert_eq!(line, "De Brug http://evil/b/x Horizon");
}
