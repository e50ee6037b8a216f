//! What the benchmarks share: timing a closure and reading the median and
//! the 99th percentile.

use std::time::{Duration, Instant};

/// The median and the 99th percentile of `times`, in milliseconds.
pub fn median(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (
        ms(times[times.len() / 2]),
        ms(times[times.len() * 99 / 100]),
    )
}

/// `f` run `n` times: the median and p99 of its time, in milliseconds.
pub fn time<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let times = (0..n)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    median(times)
}
