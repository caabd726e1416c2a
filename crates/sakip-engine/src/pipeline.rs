//! Three stages that overlap: one thread reads the next batch of units,
//! all cores evaluate the current one, and the caller's thread hands the
//! previous one on (writes it, adds it up). Each stage passes whole
//! batches in order through a channel that holds one, so the output order
//! is the input order whatever the number of threads, and memory holds a
//! few batches, never the run.
//!
//! Only the caller's thread runs the sink, so the sink need not be `Send`
//! (it may hold standard output).

use rayon::prelude::*;
use std::sync::mpsc::sync_channel;

/// Runs `read` on a thread of its own, `evaluate` on the rayon pool for
/// every item of each batch, and `sink` on the calling thread for each
/// evaluated batch in order. `sink` returns `false` to stop the run; `read`
/// then stops at its next batch. A batch that `read` could not make (`Err`)
/// is handed to `sink` as it is, after the batches before it.
pub fn run<I, O, E, R, F, S>(read: R, evaluate: F, mut sink: S)
where
    I: Send + Sync,
    O: Send,
    E: Send,
    R: FnOnce(&mut dyn FnMut(Result<Vec<I>, E>) -> bool) + Send,
    F: Fn(&I) -> O + Sync,
    S: FnMut(Result<Vec<O>, E>) -> bool,
{
    let (to_evaluate, batches) = sync_channel::<Result<Vec<I>, E>>(1);
    let (to_sink, evaluated) = sync_channel::<Result<Vec<O>, E>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            // `send` fails once the evaluating stage has stopped: stop reading.
            read(&mut |batch| to_evaluate.send(batch).is_ok());
        });
        let evaluate = &evaluate;
        scope.spawn(move || {
            for batch in batches {
                let done = batch.map(|items| items.par_iter().map(evaluate).collect::<Vec<O>>());
                if to_sink.send(done).is_err() {
                    break;
                }
            }
        });
        for batch in evaluated {
            if !sink(batch) {
                break;
            }
        }
        // Leaving the loop drops the receiver: the other stages stop at their next send.
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn batches_come_out_in_order_and_stop_when_asked() {
        let mut seen = Vec::new();
        run(
            |send: &mut dyn FnMut(Result<Vec<u32>, String>) -> bool| {
                for b in 0..100u32 {
                    if !send(Ok((b * 10..b * 10 + 10).collect())) {
                        return;
                    }
                }
            },
            |x: &u32| x * 2,
            |batch: Result<Vec<u32>, String>| {
                seen.extend(batch.unwrap());
                seen.len() < 500
            },
        );
        assert_eq!(seen, (0..500u32).map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_read_error_arrives_after_the_batches_before_it() {
        let mut got = Vec::new();
        run(
            |send: &mut dyn FnMut(Result<Vec<u32>, String>) -> bool| {
                send(Ok(vec![1, 2]));
                send(Err("broken".into()));
            },
            |x: &u32| *x,
            |batch: Result<Vec<u32>, String>| {
                got.push(batch);
                true
            },
        );
        assert_eq!(got, vec![Ok(vec![1, 2]), Err("broken".to_string())]);
    }
}
