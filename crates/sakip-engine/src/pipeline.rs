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
use std::sync::Mutex;

/// Runs `read` on a thread of its own, `evaluate` on the rayon pool for
/// every item of each batch, and `sink` on the calling thread for each
/// evaluated batch in order. `sink` returns `false` to stop the run; `read`
/// then stops at its next batch. A batch that `read` could not make (`Err`)
/// is handed to `sink` as it is, after the batches before it.
///
/// `evaluate` is also given a state of its own (made by `state`, one per
/// worker at a time, kept from batch to batch) and the item's place in the
/// run, counted from 0 over every batch: what the workers add up there
/// (the summaries) need not cross to the caller's thread item by item. The
/// states are returned at the end, for the caller to merge.
pub fn run<I, O, E, St, R, M, F, S>(read: R, state: M, evaluate: F, mut sink: S) -> Vec<St>
where
    I: Send + Sync,
    O: Send,
    E: Send,
    St: Send,
    R: FnOnce(&mut dyn FnMut(Result<Vec<I>, E>) -> bool) + Send,
    M: Fn() -> St + Sync,
    F: Fn(&mut St, u64, &I) -> O + Sync,
    S: FnMut(Result<Vec<O>, E>) -> bool,
{
    let (to_evaluate, batches) = sync_channel::<Result<Vec<I>, E>>(1);
    let (to_sink, evaluated) = sync_channel::<Result<Vec<O>, E>>(1);
    let states: Mutex<Vec<St>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        scope.spawn(move || {
            // `send` fails once the evaluating stage has stopped: stop reading.
            read(&mut |batch| to_evaluate.send(batch).is_ok());
        });
        let (evaluate, state, states) = (&evaluate, &state, &states);
        scope.spawn(move || {
            let mut start = 0u64;
            for batch in batches {
                let done = batch.map(|items| {
                    let first = start;
                    start += u64::try_from(items.len()).unwrap_or(u64::MAX);
                    items
                        .par_iter()
                        .enumerate()
                        .map_init(
                            || Lease::take(states, state),
                            |lease, (i, item)| {
                                let place = first + u64::try_from(i).unwrap_or(u64::MAX);
                                evaluate(lease.state(), place, item)
                            },
                        )
                        .collect::<Vec<O>>()
                });
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
    states.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A worker's state, taken from the shared ones for one stretch of work
/// and given back when the stretch ends, so that no more states are made
/// than workers run at once.
struct Lease<'a, St> {
    states: &'a Mutex<Vec<St>>,
    state: Option<St>,
    make: &'a (dyn Fn() -> St + Sync),
}

impl<'a, St> Lease<'a, St> {
    fn take(states: &'a Mutex<Vec<St>>, make: &'a (dyn Fn() -> St + Sync)) -> Self {
        let state = states.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop();
        Self { states, state, make }
    }

    fn state(&mut self) -> &mut St {
        self.state.get_or_insert_with(self.make)
    }
}

impl<St> Drop for Lease<'_, St> {
    fn drop(&mut self) {
        if let Some(state) = self.state.take() {
            self.states
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(state);
        }
    }
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
            || (),
            |_: &mut (), _, x: &u32| x * 2,
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
            || (),
            |_: &mut (), _, x: &u32| *x,
            |batch: Result<Vec<u32>, String>| {
                got.push(batch);
                true
            },
        );
        assert_eq!(got, vec![Ok(vec![1, 2]), Err("broken".to_string())]);
    }

    #[test]
    fn each_item_has_its_place_in_the_run_and_the_states_come_back() {
        let states = run(
            |send: &mut dyn FnMut(Result<Vec<u64>, String>) -> bool| {
                for b in 0..10u64 {
                    send(Ok((b * 7..b * 7 + 7).collect()));
                }
            },
            Vec::new,
            |seen: &mut Vec<u64>, place, x: &u64| {
                seen.push(place);
                place == *x
            },
            |batch: Result<Vec<bool>, String>| {
                assert!(batch.unwrap().iter().all(|same| *same));
                true
            },
        );
        // Every item was seen by exactly one state.
        let mut all: Vec<u64> = states.into_iter().flatten().collect();
        all.sort_unstable();
        assert_eq!(all, (0..70).collect::<Vec<_>>());
    }
}
