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
//!
//! A batch (`congvan index`) uses [`map_within`] instead: its workers take
//! the files themselves and run them in place, and one supervisor thread
//! abandons (and replaces) a worker over the budget. The two thread
//! hand-offs per file of [`within`] (two wake-ups each) cost `index` about
//! a tenth of its time on short documents.

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

/// One worker of [`map_within`]: the item it is on and since when.
struct Slot {
    item: Option<usize>,
    started: std::time::Instant,
    /// Left to finish alone: its result is dropped, it takes no more items.
    abandoned: bool,
    /// Still taking items.
    alive: bool,
}

/// What [`map_within`]'s workers and supervisor share.
struct Shared<I, T> {
    items: std::sync::Arc<Vec<I>>,
    f: std::sync::Arc<dyn Fn(&I) -> T + Send + Sync>,
    next: std::sync::atomic::AtomicUsize,
    slots: std::sync::Mutex<Vec<Slot>>,
}

type Sent<T> = (usize, Result<T, Missed>);

/// `f` over every item on `threads` workers, each call within `budget`:
/// the results come as `(index, result)`, in the order they finish, one
/// per item (the iterator ends after the last one, even while an abandoned
/// worker is still running). At most `queue` results wait to be taken:
/// workers ahead of the consumer wait, so memory stays flat.
///
/// The batch form of [`within`], without its two thread hand-offs per
/// item: each worker takes the next item itself and runs it in place. A
/// supervisor thread looks at the workers a few times a second; one over
/// the budget is abandoned (its item is reported as a timeout, its result
/// dropped when it comes) and a new worker takes its place. A panic in `f`
/// is that item's [`Missed::Failed`]. With no budget there is no
/// supervisor.
pub fn map_within<I, T>(
    items: std::sync::Arc<Vec<I>>,
    threads: usize,
    queue: usize,
    budget: Option<Duration>,
    f: std::sync::Arc<dyn Fn(&I) -> T + Send + Sync>,
) -> Result<impl Iterator<Item = Sent<T>>, Missed>
where
    I: Send + Sync + 'static,
    T: Send + 'static,
{
    use std::sync::Arc;
    let (tx, rx) = mpsc::sync_channel::<Sent<T>>(queue);
    let n = items.len();
    let threads = threads.max(1).min(n.max(1));
    let shared = Arc::new(Shared {
        items,
        f,
        next: std::sync::atomic::AtomicUsize::new(0),
        slots: std::sync::Mutex::new(Vec::new()),
    });
    let mut started = 0;
    for _ in 0..threads {
        match spawn_pool_worker(&shared, &tx) {
            Ok(()) => started += 1,
            Err(e) if started == 0 => return Err(e),
            Err(_) => break,
        }
    }
    if let Some(budget) = budget {
        let shared = Arc::clone(&shared);
        let tx = tx.clone();
        std::thread::Builder::new()
            .name("congvan-budget".into())
            .spawn(move || supervise(&shared, &tx, budget))
            .map_err(|e| Missed::Failed(format!("cannot start a parser thread: {e}")))?;
    }
    Ok(rx.into_iter().take(n))
}

fn spawn_pool_worker<I, T>(
    shared: &std::sync::Arc<Shared<I, T>>,
    tx: &mpsc::SyncSender<Sent<T>>,
) -> Result<(), Missed>
where
    I: Send + Sync + 'static,
    T: Send + 'static,
{
    use std::sync::atomic::Ordering;
    let w = {
        let mut slots = shared.slots.lock().unwrap_or_else(|p| p.into_inner());
        slots.push(Slot {
            item: None,
            started: std::time::Instant::now(),
            abandoned: false,
            alive: true,
        });
        slots.len() - 1
    };
    let shared = std::sync::Arc::clone(shared);
    let tx = tx.clone();
    let run = move || {
        let lock = || shared.slots.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            let i = shared.next.fetch_add(1, Ordering::Relaxed);
            if i >= shared.items.len() {
                break;
            }
            {
                let mut slots = lock();
                slots[w].item = Some(i);
                slots[w].started = std::time::Instant::now();
            }
            let r = crate::ingest::quiet::catch_silently(|| (shared.f)(&shared.items[i]));
            {
                let mut slots = lock();
                if slots[w].abandoned {
                    return;
                }
                slots[w].item = None;
            }
            if tx.send((i, r.map_err(Missed::Failed))).is_err() {
                break;
            }
        }
        lock()[w].alive = false;
    };
    std::thread::Builder::new()
        .name("congvan-parse".into())
        .spawn(run)
        .map(|_| ())
        .map_err(|e| Missed::Failed(format!("cannot start a parser thread: {e}")))
}

/// Take every item no worker has taken and fail it with `why`.
fn fail_the_rest<I, T>(shared: &Shared<I, T>, tx: &mpsc::SyncSender<Sent<T>>, why: &Missed) {
    loop {
        let i = shared
            .next
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if i >= shared.items.len() || tx.send((i, Err(why.clone()))).is_err() {
            return;
        }
    }
}

/// Abandon the workers over `budget` and start one in place of each,
/// until no worker is left.
fn supervise<I, T>(
    shared: &std::sync::Arc<Shared<I, T>>,
    tx: &mpsc::SyncSender<Sent<T>>,
    budget: Duration,
) where
    I: Send + Sync + 'static,
    T: Send + 'static,
{
    let tick = (budget / 4).clamp(Duration::from_millis(1), Duration::from_millis(50));
    loop {
        std::thread::sleep(tick);
        let mut over = Vec::new();
        let any_alive = {
            let mut slots = shared.slots.lock().unwrap_or_else(|p| p.into_inner());
            for s in slots.iter_mut() {
                if let (true, Some(i)) = (s.alive, s.item) {
                    if s.started.elapsed() > budget {
                        s.abandoned = true;
                        s.alive = false;
                        over.push(i);
                    }
                }
            }
            slots.iter().any(|s| s.alive)
        };
        for i in &over {
            if tx.send((*i, Err(Missed::Timeout(budget)))).is_err() {
                return;
            }
            // Items are left: a worker takes the abandoned one's place. When
            // none can start, each item left is failed here (the caller
            // counts on one result per item).
            if shared.next.load(std::sync::atomic::Ordering::Relaxed) < shared.items.len() {
                if let Err(e) = spawn_pool_worker(shared, tx) {
                    fail_the_rest(shared, tx, &e);
                }
            }
        }
        if !any_alive && over.is_empty() {
            return;
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
    fn map_within_gives_every_result_once_and_times_out_the_slow() {
        use std::sync::Arc;
        let items: Arc<Vec<u64>> = Arc::new((0..200).collect());
        let f: Arc<dyn Fn(&u64) -> u64 + Send + Sync> = Arc::new(|&x| {
            if x == 7 || x == 150 {
                std::thread::sleep(Duration::from_secs(4));
            }
            if x == 9 {
                panic!("nine");
            }
            x * 2
        });
        let t0 = std::time::Instant::now();
        let rx = map_within(items, 2, 4, Some(Duration::from_millis(60)), f).expect("pool");
        let mut got: Vec<(usize, Result<u64, Missed>)> = rx.collect();
        // The abandoned workers (4 s each) are not waited for.
        assert!(t0.elapsed() < Duration::from_secs(3), "{:?}", t0.elapsed());
        got.sort_by_key(|g| g.0);
        assert_eq!(got.len(), 200, "each item once");
        for (i, r) in &got {
            match i {
                7 | 150 => assert_eq!(r, &Err(Missed::Timeout(Duration::from_millis(60)))),
                9 => assert!(matches!(r, Err(Missed::Failed(m)) if m.contains("nine"))),
                _ => assert_eq!(r, &Ok(*i as u64 * 2)),
            }
        }
        // No budget: everything runs to the end.
        let items: Arc<Vec<u64>> = Arc::new((0..50).collect());
        let f: Arc<dyn Fn(&u64) -> u64 + Send + Sync> = Arc::new(|&x| x + 1);
        let mut got: Vec<_> = map_within(items, 3, 1, None, f).expect("pool").collect();
        got.sort_by_key(|g| g.0);
        assert_eq!(got.len(), 50);
        assert!(got.iter().all(|(i, r)| r == &Ok(*i as u64 + 1)));
        // Nothing to do: the channel ends at once.
        let f: Arc<dyn Fn(&u64) -> u64 + Send + Sync> = Arc::new(|&x| x);
        let none =
            map_within(Arc::new(Vec::new()), 2, 8, Some(Duration::from_secs(1)), f).expect("pool");
        assert_eq!(none.count(), 0);
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
