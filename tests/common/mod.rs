//! Running the `factlint` binary from end-to-end tests: with a guard
//! against hangs, its output in files, and a check that it never panics.

// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The child's user and system time, and its peak resident memory.
    pub cpu: Duration,
    pub peak_rss_kb: u64,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// Runs factlint in `dir` with a 20 s guard: a run that blocks (on a FIFO,
/// say) is killed and the test fails. Output goes to files so that a large
/// report cannot block the child on a full pipe.
pub fn factlint(dir: &Path, args: &[&str]) -> Run {
    factlint_to(dir, args, None)
}

/// [`factlint`] with standard output sent to `stdout` (`/dev/full`, a
/// closed pipe) instead of a file; `Run::stdout` is then empty.
pub fn factlint_to(dir: &Path, args: &[&str], stdout: Option<Stdio>) -> Run {
    let outdir = tempfile::tempdir().unwrap();
    let out_path = outdir.path().join("stdout");
    let err_path = outdir.path().join("stderr");
    let stdout = stdout.unwrap_or_else(|| fs::File::create(&out_path).unwrap().into());
    // Reaped by wait4 in `wait_with_usage`, which `std` cannot see.
    #[allow(clippy::zombie_processes)]
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("factlint starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    let (status, usage) = loop {
        if let Some(done) = wait_with_usage(&child) {
            break done;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "factlint {args:?} still running after 20 s: it hangs; stderr so far:\n{}",
                fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let run = Run {
        code: status
            .code()
            .expect("factlint exited normally, not by a signal"),
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        peak_rss_kb: usage.ru_maxrss as u64,
        stdout: fs::read_to_string(&out_path)
            .or_else(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Ok(String::new()),
                _ => Err(e),
            })
            .expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&fs::read(&err_path).unwrap()).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "factlint {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

/// The exit status and resource usage of `child` once it has ended (None
/// while it runs): `wait4`, which `std` does not offer, gives both.
fn wait_with_usage(child: &std::process::Child) -> Option<(ExitStatus, libc::rusage)> {
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our child's; status and usage outlive the call.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, libc::WNOHANG, &mut usage) };
    assert!(pid >= 0, "wait4: {}", std::io::Error::last_os_error());
    (pid != 0).then(|| (ExitStatus::from_raw(status), usage))
}
