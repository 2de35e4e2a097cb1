//! Run code that may panic (third-party parsers on hostile input) without
//! letting the panic escape or print its message.
//!
//! A process-wide panic hook is installed once; it forwards to the previous
//! hook unless the panicking thread is inside [`catch_silently`]. The flag is
//! thread-local, so parallel callers (rayon) do not silence each other's
//! genuine panics.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static SILENCED: Cell<u32> = const { Cell::new(0) };
}

static INSTALL: Once = Once::new();

fn install_hook() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if SILENCED.with(|s| s.get()) == 0 {
                previous(info);
            }
        }));
    });
}

/// Restores the thread's silence counter even if `f` unwinds.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        SILENCED.with(|s| s.set(s.get().saturating_sub(1)));
    }
}

/// Run `f`; a panic inside it becomes `Err(message)` and prints nothing.
pub fn catch_silently<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    SILENCED.with(|s| s.set(s.get() + 1));
    let _guard = Guard;
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let msg = if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic".to_string()
        };
        // Error messages are one line.
        msg.split_whitespace().collect::<Vec<_>>().join(" ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_is_caught() {
        let r: Result<(), String> = catch_silently(|| panic!("boom {}", 1));
        assert_eq!(r, Err("boom 1".to_string()));
        assert_eq!(catch_silently(|| 5), Ok(5));
        assert_eq!(SILENCED.with(|s| s.get()), 0);
    }
}
