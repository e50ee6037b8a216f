//! `samenspel seats`: each candidate's chance, and every draw of a body recomputed.

use super::*;

/// `seats chances`: the inputs from a body's newest draw or a JSON entry,
/// each candidate's chance by the method asked for.
pub(super) fn seat_chances(
    file: Option<&Path>,
    body: Option<&str>,
    inputs: Option<&Path>,
    method: ChanceMethod,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    use crate::domain::draw;
    let draw_entry: crate::domain::SeatDraw = match (file, body, inputs) {
        (_, _, Some(json)) => {
            let text = std::fs::read_to_string(json)
                .map_err(|e| Failure(format!("{} cannot be read: {e}.", json.display())))?;
            serde_json::from_str(&text).map_err(|e| {
                Failure(format!(
                    "{} is not one entry of seat_draws from export-json: {e}.",
                    json.display()
                ))
            })?
        }
        (Some(file), Some(name), None) => {
            let store = Store::open_read_only(file)?;
            let a = store.load()?;
            let body = body_named(&a, name, file)?;
            a.draws_of(body)
                .into_iter()
                .next_back()
                .cloned()
                .ok_or_else(|| Failure(format!("No draw was prepared for the body \"{name}\".")))?
        }
        _ => {
            return Err(Failure(
                "Give an alliance FILE with --body NAME, or --inputs DRAW.json.".into(),
            ));
        }
    };
    let input = draw_entry.input();
    let name = |id: i64| {
        input
            .candidates
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let runs = draw::lottery::SIMULATIONS;
    let c = draw::lottery::chances(&input, method.method(), runs)
        .map_err(|e| Failure(e.to_string()))?;
    let kept: Vec<i64> = input.kept.iter().map(|k| k.id).collect();
    let mut ids: Vec<i64> = input
        .candidates
        .iter()
        .map(|c| c.id)
        .filter(|id| !kept.contains(id))
        .collect();
    ids.sort_unstable();
    for id in ids {
        let m = c.chances.iter().find(|x| x.0 == id).map_or(0, |x| x.1);
        writeln!(out, "{}\t{:.4}", name(id), m as f64 / 1e6)?;
    }
    if c.runs > 0 {
        eprintln!(
            "Estimated from {} simulated draws: each chance within ±{:.3} (95%).",
            c.runs,
            c.margin as f64 / 1e6
        );
    }
    Ok(())
}

/// `samenspel seats verify`: every draw of the body recomputed.
pub(super) fn verify_seats(
    file: &Path,
    name: &str,
    recompute: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let store = Store::open_read_only(file)?;
    let a = store.load()?;
    let body = body_named(&a, name, file)?;
    let draws: Vec<_> = a
        .draws_of(body)
        .into_iter()
        .filter(|d| d.is_drawn())
        .collect();
    if draws.is_empty() {
        return Err(Failure(format!(
            "No draw was made for the body \"{name}\"."
        )));
    }
    let mut wrong = 0;
    for d in draws {
        let date = d.date.map(|x| x.to_string()).unwrap_or_default();
        let mut v = a.verify_draw(d.id)?;
        if recompute {
            v.problems.extend(a.recompute_chances(d.id)?);
        }
        if v.problems.is_empty() {
            let names: Vec<&str> = d
                .chosen
                .iter()
                .filter_map(|p| d.candidates.iter().find(|c| c.party == *p))
                .map(|c| c.name.as_str())
                .collect();
            writeln!(
                out,
                "Draw of {date}: ok ({}). Seed {} from {} dice; {} seat{} drawn: {}.",
                d.method_kind().map_or(d.method.as_str(), |m| m.id()),
                v.outcome.seed,
                d.dice.len(),
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            )?;
        } else {
            wrong += 1;
            writeln!(out, "Draw of {date}: DOES NOT FOLLOW from its inputs:")?;
            for p in &v.problems {
                writeln!(out, "  - {p}")?;
            }
        }
    }
    match wrong {
        0 => Ok(()),
        n => Err(Failure(format!(
            "{n} draw{} of \"{name}\" do{} not follow from {} recorded inputs.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "es" } else { "" },
            if n == 1 { "its" } else { "their" }
        ))),
    }
}
