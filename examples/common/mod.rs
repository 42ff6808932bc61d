//! The timing loop every benchmark uses (a module, not an example: `examples/common/` has no
//! `main.rs`, so cargo does not build it on its own).

use std::hint::black_box;
use std::time::{Duration, Instant};

/// What one timed run gave, in microseconds.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    pub mean: f64,
    pub median: f64,
    pub p95: f64,
}

/// Run `f` `warmup` times untimed, then `rounds` times timed; print the mean, median and 95th
/// percentile under `what`, and return them.
pub fn time<T>(what: &str, warmup: u32, rounds: u32, mut f: impl FnMut() -> T) -> Timing {
    for _ in 0..warmup {
        black_box(f());
    }
    let mut samples = Vec::with_capacity(rounds as usize);
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        black_box(f());
        samples.push(started.elapsed());
    }
    samples.sort();
    let n = samples.len();
    let total: Duration = samples.iter().sum();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    let timing = Timing {
        mean: micros(total) / n as f64,
        median: micros(samples[n / 2]),
        p95: micros(samples[n * 95 / 100]),
    };
    println!(
        "{what}: mean {:.1} µs, median {:.1} µs, 95th percentile {:.1} µs over {n} runs",
        timing.mean, timing.median, timing.p95
    );
    timing
}
