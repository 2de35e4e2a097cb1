//! A time budget per file.
//!
//! `congvan parse` and `congvan index` of many files give each file a time
//! budget (`--timeout`, default [`DEFAULT_TIMEOUT`]): a file over it is
//! reported as failed with the reason and the batch goes on.
//!
//! How: the file is parsed on a worker thread and the caller waits for it
//! at most the budget; past it the worker is abandoned (it finishes in the
//! background, its result is dropped) and the caller moves on. Chosen over
//! cooperative deadline checks inside the pipeline because it bounds the
//! wait whatever the time is spent on — any loop of any stage, and
//! third-party readers (pdf-extract, zip) that cannot be given a deadline —
//! with no check to forget in new code. The cost: an abandoned worker keeps
//! using a core until it ends (parse time is linear in the input, so it
//! does end).
//!
//! Each calling thread keeps one worker for all its files (started on first
//! use, started again after one was abandoned): a thread per file cost more
//! than the parse of a short document — the start itself, and every regex's
//! lazy DFA and scratch space built again on a new thread.

use crate::error::Error;
use crate::model::Document;
use std::cell::RefCell;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Default per-file budget.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Why [`within`] gave no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missed {
    /// The budget ran out.
    Timeout(Duration),
    /// The worker panicked (or could not start).
    Failed(String),
}

/// A job for a worker: runs a parse and sends its result.
type Job = Box<dyn FnOnce() + Send>;

thread_local! {
    /// This thread's worker (see the module notes): where its jobs go.
    static WORKER: RefCell<Option<mpsc::Sender<Job>>> = const { RefCell::new(None) };
}

/// Start a worker: it runs the jobs it is sent, in order, until its sender
/// is dropped.
fn start_worker() -> std::io::Result<mpsc::Sender<Job>> {
    let (tx, rx) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("congvan-parse".into())
        .spawn(move || {
            while let Ok(job) = rx.recv() {
                job();
            }
        })?;
    Ok(tx)
}

/// Hand `job` to this thread's worker, starting one when there is none
/// (or the one there has ended).
fn send_to_worker(job: Job) -> Result<(), Missed> {
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        let mut job = job;
        for _ in 0..2 {
            if w.is_none() {
                *w =
                    Some(start_worker().map_err(|e| {
                        Missed::Failed(format!("cannot start a parser thread: {e}"))
                    })?);
            }
            match w.as_ref().map(|tx| tx.send(job)) {
                Some(Ok(())) => return Ok(()),
                Some(Err(mpsc::SendError(back))) => {
                    job = back;
                    *w = None;
                }
                None => unreachable!("a worker was just set"),
            }
        }
        Err(Missed::Failed("cannot reach a parser thread".into()))
    })
}

/// Leave this thread's worker to finish its job alone: the next job goes
/// to a new one.
fn abandon_worker() {
    WORKER.with(|w| w.borrow_mut().take());
}

/// Run `f` with a time budget (`None`: no budget, run here).
pub fn within<T: Send + 'static>(
    budget: Option<Duration>,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Missed> {
    let Some(budget) = budget else {
        return crate::ingest::quiet::catch_silently(f).map_err(Missed::Failed);
    };
    let (tx, rx) = mpsc::sync_channel(1);
    send_to_worker(Box::new(move || {
        let r = crate::ingest::quiet::catch_silently(f);
        let _ = tx.send(r);
    }))?;
    match rx.recv_timeout(budget) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(panic)) => Err(Missed::Failed(panic)),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            abandon_worker();
            Err(Missed::Timeout(budget))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            abandon_worker();
            Err(Missed::Failed(
                "parser thread ended without a result".into(),
            ))
        }
    }
}

/// The reason given for a file over its budget.
pub fn timeout_reason(budget: Duration) -> String {
    format!(
        "gave up after {} s: over the per-file time budget (--timeout)",
        budget.as_secs_f64()
    )
}

/// `read(path, opts)` within a time budget; a miss is the file's error.
fn path_within<T: Send + 'static>(
    path: &Path,
    opts: &crate::ParseOptions,
    budget: Option<Duration>,
    read: fn(&Path, &crate::ParseOptions) -> Result<T, Error>,
) -> Result<T, Error> {
    let owned = path.to_path_buf();
    let opts = opts.clone();
    within(budget, move || read(&owned, &opts)).unwrap_or_else(|m| Err(missed(path, m)))
}

/// [`crate::parse_path_with_options`] within a time budget: the document
/// and its normalized text.
pub fn parse_path_within(
    path: &Path,
    opts: &crate::ParseOptions,
    budget: Option<Duration>,
) -> Result<(Document, String), Error> {
    path_within(path, opts, budget, |p, o| {
        crate::parse_path_with_options(p, o)
    })
}

/// [`crate::normalized_text_with_options`] within a time budget.
pub fn text_path_within(
    path: &Path,
    opts: &crate::ParseOptions,
    budget: Option<Duration>,
) -> Result<String, Error> {
    path_within(path, opts, budget, |p, o| {
        crate::normalized_text_with_options(p, o)
    })
}

fn missed(path: &Path, m: Missed) -> Error {
    match m {
        Missed::Timeout(b) => Error::Unfinished {
            path: path.to_path_buf(),
            reason: timeout_reason(b),
        },
        Missed::Failed(why) => Error::Unfinished {
            path: path.to_path_buf(),
            reason: format!("parser failed (internal error: {why})"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_budget_is_a_timeout_and_the_caller_goes_on() {
        let r = within(Some(Duration::from_millis(20)), || {
            std::thread::sleep(Duration::from_secs(2));
            1
        });
        assert_eq!(r, Err(Missed::Timeout(Duration::from_millis(20))));
        assert_eq!(within(Some(Duration::from_secs(30)), || 2), Ok(2));
        assert_eq!(within(None, || 3), Ok(3));
        assert!(matches!(
            within(Some(Duration::from_secs(30)), || -> u8 { panic!("x") }),
            Err(Missed::Failed(_))
        ));
    }

    #[test]
    fn one_worker_per_caller_until_one_is_abandoned() {
        let worker = || {
            within(Some(Duration::from_secs(30)), || {
                std::thread::current().id()
            })
            .expect("a result")
        };
        let first = worker();
        assert_ne!(first, std::thread::current().id(), "runs on a worker");
        assert_eq!(worker(), first, "the same worker for the next file");
        // A panic is caught on the worker, which goes on.
        assert!(within(Some(Duration::from_secs(30)), || -> u8 { panic!("x") }).is_err());
        assert_eq!(worker(), first);
        // Over the budget: that worker is left to finish, a new one starts.
        let slow = within(Some(Duration::from_millis(10)), || {
            std::thread::sleep(Duration::from_millis(300));
        });
        assert_eq!(slow, Err(Missed::Timeout(Duration::from_millis(10))));
        let next = worker();
        assert_ne!(next, first);
        assert_eq!(worker(), next);
    }
}
