//! A draw every provider can see was fair (issue 33): the LEXIMIN lottery
//! over the tables that meet the quotas, its chances, and the legacy
//! method's for comparison.

use samenspel::domain::draw::{self, DrawInput, leximin};
use samenspel::example;

/// The region example's first draw: 50 providers, 10 seats, at least 2
/// youth care, 1 small, 1 ggz, at most 3 per municipality.
fn region_first() -> DrawInput {
    example::region().seat_draws[0].input()
}

/// The tighter set: at least 3 small and 2 ggz, at most 2 per
/// municipality.
fn tighter() -> DrawInput {
    let mut input = region_first();
    for q in &mut input.quotas {
        match (q.category.as_str(), q.value.as_str()) {
            ("size", "small") => q.min = 3,
            ("theme", "ggz") => q.min = 2,
            ("area", _) => q.max = 2,
            _ => {}
        }
    }
    input
}

fn check(input: &DrawInput, best: f64) {
    let d = leximin::distribution(input).expect("a fair lottery");
    let lowest = d.lowest(input);
    assert!(
        (lowest - best).abs() < 0.005,
        "lowest {lowest}, best {best}"
    );
    // Every table in the support meets every quota.
    for (table, p) in &d.tables {
        assert!(*p > 0.0);
        assert!(draw::meets_quotas(input, table), "{table:?}");
    }
    // The chances add up to the seats drawn; the probabilities to one.
    let seats = input.seats as f64 - input.kept.len() as f64;
    let sum: f64 = d.chances(input).values().sum();
    assert!((sum - seats).abs() < 1e-6, "{sum}");
    let total: f64 = d.tables.iter().map(|t| t.1).sum();
    assert!((total - 1.0).abs() < 1e-9);
    // Recorded in millionths that sum to exactly one.
    let rounded = d.rounded();
    assert_eq!(rounded.iter().map(|t| t.1).sum::<u64>(), leximin::UNITS);
    // Never below the legacy method's lowest (estimated, with its margin).
    let (legacy, margin) = draw::legacy_chances(input, 600).unwrap();
    let legacy_low = legacy.iter().map(|x| x.1).fold(1.0, f64::min);
    assert!(lowest + margin >= legacy_low, "{lowest} < {legacy_low}");
}

#[test]
fn the_regions_first_draw_gives_every_provider_a_fifth() {
    check(&region_first(), 0.2);
}

#[test]
fn the_tighter_quotas_give_every_provider_eight_in_forty_one() {
    check(&tighter(), 8.0 / 41.0);
}

#[test]
fn an_impossible_quota_is_named_as_the_draw_names_it() {
    let mut input = region_first();
    for q in &mut input.quotas {
        if q.value == "ggz" {
            q.min = 40;
        }
    }
    let e = leximin::distribution(&input).unwrap_err();
    assert!(e.to_string().contains("ggz"), "{e}");
}
