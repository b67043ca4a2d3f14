//! Ordered parallel processing: items read one after another (chunks of inputs) are worked on
//! by several threads, and their results handed on in input order, with a bounded number of
//! items in flight so memory stays bounded however long the input.
//!
//! There is no reader thread and no writer thread: each thread takes the next item itself
//! (reading it, under a lock), works on it, and leaves the result; the calling thread is one
//! of the workers, and between items it hands on, in order, the results that are ready. So
//! there are only as many threads as cores asked for, and a thread sleeps only when the
//! window of items in flight is full (or, at the end, for the others to finish): on two cores,
//! a reader and a writer thread beside two workers cost a context switch or more an item.
//!
//! Each thread builds its own state once (an output buffer), so nothing passes between threads
//! here but the items and the results; what the work shares (the lexicon, and the analyses its
//! threads share) is its own affair.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;

/// The input, read by whichever thread takes the next item.
struct Input<I> {
    items: I,
    /// The number of the next item.
    next: usize,
    /// The input has ended, or an item was an error.
    ended: bool,
}

/// What the threads have taken and left, and what has been handed on.
struct Results<R, E> {
    /// Results left and not yet handed on, by item number.
    left: BTreeMap<usize, Result<R, E>>,
    /// The number of the next result to hand on.
    sunk: usize,
    /// Items taken (or about to be) so far: at most `sunk + window`.
    taken: usize,
    /// How many items there are, once the input has ended (an error item is the last).
    total: Option<usize>,
    /// Stop: the sink failed, an error is returned, or a thread panicked.
    stop: bool,
}

struct Shared<I, R, E> {
    input: Mutex<Input<I>>,
    results: Mutex<Results<R, E>>,
    /// Signalled when there may be room in the window, or the work has ended.
    room: Condvar,
    /// Signalled when the next result to hand on may be there, or the work has ended.
    ready: Condvar,
    window: usize,
}

/// What taking the next item gave.
enum Took<T, E> {
    Item(usize, Result<T, E>),
    /// The window is full (asked not to wait).
    NoRoom,
    /// No item is left to take, or the work has stopped.
    Ended,
}

// a thread that panicked held a lock only to move an item or a result: what is locked is whole
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn wait<'a, T>(cv: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    cv.wait(guard).unwrap_or_else(PoisonError::into_inner)
}

impl<T, R, E, I: Iterator<Item = Result<T, E>>> Shared<I, R, E> {
    /// Take the next item, waiting (if `wait_for_room`) while the window is full.
    fn take(&self, wait_for_room: bool) -> Took<T, E> {
        {
            let mut res = lock(&self.results);
            loop {
                if res.stop || res.total.is_some_and(|total| res.taken >= total) {
                    return Took::Ended;
                }
                if res.taken < res.sunk + self.window {
                    break;
                }
                if !wait_for_room {
                    return Took::NoRoom;
                }
                res = wait(&self.room, res);
            }
            res.taken += 1;
        }
        let mut input = lock(&self.input);
        let seq = input.next;
        let item = if input.ended {
            None
        } else {
            input.items.next()
        };
        match item {
            Some(Ok(t)) => {
                input.next += 1;
                Took::Item(seq, Ok(t))
            }
            Some(Err(e)) => {
                // the error is the last item
                input.next += 1;
                self.end(&mut input);
                Took::Item(seq, Err(e))
            }
            None => {
                self.end(&mut input);
                lock(&self.results).taken -= 1;
                Took::Ended
            }
        }
    }

    /// Mark the input ended, once: there are `input.next` items in all. The threads waiting
    /// for room or for a result may now have none to wait for.
    fn end(&self, input: &mut Input<I>) {
        if !input.ended {
            input.ended = true;
            lock(&self.results).total = Some(input.next);
            self.room.notify_all();
            self.ready.notify_all();
        }
    }

    /// Leave the result of item `seq`.
    fn leave(&self, seq: usize, result: Result<R, E>) {
        let mut res = lock(&self.results);
        res.left.insert(seq, result);
        if seq == res.sunk {
            self.ready.notify_one();
        }
    }

    /// The next result to hand on, if it is there; its place in the window is freed.
    fn next_ready(&self) -> Option<Result<R, E>> {
        let mut res = lock(&self.results);
        let sunk = res.sunk;
        let result = res.left.remove(&sunk)?;
        res.sunk += 1;
        self.room.notify_all();
        Some(result)
    }

    /// Wait until the next result to hand on is there, or there is none to wait for; whether
    /// every result has been handed on (or the work stopped).
    fn wait_ready(&self) -> bool {
        let mut res = lock(&self.results);
        loop {
            if res.stop || res.total == Some(res.sunk) {
                return true;
            }
            if res.left.contains_key(&res.sunk) {
                return false;
            }
            res = wait(&self.ready, res);
        }
    }
}

/// Stops the work when a thread unwinds from a panic, so that no other waits for it forever.
struct StopOnPanic<'a, I, R, E>(&'a Shared<I, R, E>);

impl<I, R, E> Shared<I, R, E> {
    /// Stop the work: no thread takes another item, and none waits any longer.
    fn stop(&self) {
        lock(&self.results).stop = true;
        self.room.notify_all();
        self.ready.notify_all();
    }
}

impl<I, R, E> Drop for StopOnPanic<'_, I, R, E> {
    fn drop(&mut self) {
        if thread::panicking() {
            self.0.stop();
        }
    }
}

/// Run `work` on every item on `threads` threads (the calling thread one of them) and pass the
/// results to `sink`, on the calling thread, in the order of the items. At most `window` items
/// are taken ahead of the sink. An `Err` item, or an error from the sink, stops everything and
/// is returned once the results before it are sunk.
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
    let shared = Shared {
        input: Mutex::new(Input {
            items,
            next: 0,
            ended: false,
        }),
        results: Mutex::new(Results {
            left: BTreeMap::new(),
            sunk: 0,
            taken: 0,
            total: None,
            stop: false,
        }),
        room: Condvar::new(),
        ready: Condvar::new(),
        window: window.max(threads),
    };
    let (shared, state, work) = (&shared, &state, &work);
    thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(move || {
                let _stop = StopOnPanic(shared);
                let mut st = state();
                while let Took::Item(seq, item) = shared.take(true) {
                    shared.leave(seq, item.map(|t| work(&mut st, t)));
                }
            });
        }
        let _stop = StopOnPanic(shared);
        let mut st = state();
        let result = (|| {
            loop {
                while let Some(result) = shared.next_ready() {
                    sink(result?)?;
                }
                match shared.take(false) {
                    Took::Item(seq, item) => shared.leave(seq, item.map(|t| work(&mut st, t))),
                    Took::NoRoom | Took::Ended => {
                        if shared.wait_ready() {
                            return Ok(());
                        }
                    }
                }
            }
        })();
        // the other threads stop at their next item: an error ends the work
        shared.stop();
        result
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

    #[test]
    fn no_more_than_the_window_is_read_ahead_of_the_sink() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        for threads in [2, 3] {
            let read = AtomicUsize::new(0);
            let items = (0..300u64).map(|n| {
                read.fetch_add(1, Ordering::SeqCst);
                Ok::<u64, ()>(n)
            });
            let mut sunk = 0;
            let mut most = 0;
            ordered(
                items,
                threads,
                5,
                || (),
                |(), n| {
                    std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 40));
                    n
                },
                |n| {
                    assert_eq!(n, sunk);
                    // the items read ahead of this one, which is being sunk
                    most = most.max(read.load(Ordering::SeqCst) - (sunk as usize + 1));
                    sunk += 1;
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(sunk, 300);
            assert!(most <= 5, "{most} items in flight on {threads} threads");
        }
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller_and_hangs_nothing() {
        for panics_at in [0, 1, 7] {
            let result = std::panic::catch_unwind(|| {
                ordered(
                    (0..100u32).map(Ok::<u32, ()>),
                    2,
                    4,
                    || (),
                    |(), n| {
                        assert_ne!(n, panics_at, "a worker fails");
                        n
                    },
                    |_| Ok(()),
                )
            });
            assert!(result.is_err(), "item {panics_at}");
        }
    }
}
