//! Ordered parallel processing: items read one after another (chunks of inputs) are worked on
//! by several threads, and their results handed on in input order, with a bounded number of
//! items in flight so memory stays bounded however long the input.
//!
//! Each worker thread builds its own state once (an output buffer), so nothing passes between
//! threads here but the items and the results; what the work shares (the lexicon, and the
//! analyses its threads share) is its own affair.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::mpsc;
use std::thread;

/// Run `work` on every item on `threads` threads and pass the results to `sink` in the order of
/// the items. At most `window` items are read ahead of the sink. An `Err` item, or an error
/// from the sink, stops everything and is returned once the items before it are sunk.
pub fn ordered<T, R, S, E, I>(
    items: I,
    threads: usize,
    window: usize,
    state: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator<Item = Result<T, E>> + Send,
    T: Send,
    R: Send,
    E: Send,
{
    if threads <= 1 {
        let mut st = state();
        for item in items {
            sink(work(&mut st, item?))?;
        }
        return Ok(());
    }
    let window = window.max(threads);
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        permit_tx
            .send(())
            .expect("the channel has room for every permit");
    }
    // never full: the reader holds a permit for every item not yet sunk
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, T)>(window);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Result<R, E>)>();
    thread::scope(|scope| {
        // moved in, so that an early return drops it and stops the reader
        let permit_tx = permit_tx;
        let reader_done = done_tx.clone();
        scope.spawn(move || {
            for (seq, item) in items.enumerate() {
                if permit_rx.recv().is_err() {
                    return;
                }
                match item {
                    Ok(t) => {
                        if work_tx.send((seq, t)).is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        let _ = reader_done.send((seq, Err(e)));
                        return;
                    }
                }
            }
        });
        let (state, work, work_rx) = (&state, &work, &work_rx);
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                let mut st = state();
                loop {
                    let job = work_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((seq, t)) = job else { return };
                    if done_tx.send((seq, Ok(work(&mut st, t)))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut next = 0;
        let mut pending: BTreeMap<usize, Result<R, E>> = BTreeMap::new();
        for (seq, result) in done_rx {
            pending.insert(seq, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                // the reader may have stopped: a permit it will not take is no error
                let _ = permit_tx.try_send(());
                sink(result?)?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        for threads in [1, 2, 4] {
            let items = (0..500u64).map(Ok::<u64, String>);
            let mut got = Vec::new();
            ordered(
                items,
                threads,
                3,
                || 0u64,
                |calls, n| {
                    *calls += 1;
                    // uneven work, so that threads finish out of order
                    std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 50));
                    n * 2
                },
                |r| {
                    got.push(r);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(got, (0..500).map(|n| n * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_error_item_stops_after_the_items_before_it() {
        for threads in [1, 2] {
            let items = (0..100u32).map(|n| if n == 40 { Err(n) } else { Ok(n) });
            let mut got = Vec::new();
            let result = ordered(
                items,
                threads,
                4,
                || (),
                |(), n| n,
                |r| {
                    got.push(r);
                    Ok(())
                },
            );
            assert_eq!(result, Err(40));
            assert_eq!(got, (0..40).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_sink_error_stops_the_workers() {
        let result = ordered(
            (0..1_000_000u32).map(Ok::<u32, u32>),
            2,
            4,
            || (),
            |(), n| n,
            |r| if r == 10 { Err(r) } else { Ok(()) },
        );
        assert_eq!(result, Err(10));
    }
}
