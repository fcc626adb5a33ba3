#!/usr/bin/env python3
"""Types commands into a guest shell over a pseudo-terminal and checks the answer.

Runs COMMAND (an emulator that boots build/linux/initramfs-shell.cpio with its UART
on the terminal: rvtlm or QEMU) on a new pseudo-terminal, as a user's terminal
would, waits for the shell's prompt, types each --send line followed by Enter, then
waits for COMMAND to exit. It passes when every --expect pattern matches a whole
line of what the guest printed after the first typed line, and COMMAND exits with
the expected status.

Example (QEMU):
  scripts/linux-shell-check.py -- qemu-system-riscv64 -M virt -smp 4 -m 256M \\
      -nographic -bios /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin \\
      -kernel build/linux/Image -initrd build/linux/initramfs-shell.cpio \\
      -append "console=ttyS0 earlycon=sbi"

Exit status: 0 when the check passed, 1 when it failed, 2 on a usage error.
"""

import argparse
import errno
import fcntl
import os
import pty
import re
import select
import signal
import subprocess
import sys
import termios
import time

DEFAULT_SEND = "echo hello; uname -a; poweroff"
DEFAULT_EXPECT = [r"hello", r"Linux \S+ \S+ .* riscv64"]


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Everything after -- is the command to run.",
    )
    parser.add_argument("--prompt", default="rvtlm-sh# ",
                        help="the shell's prompt, as plain text (default: %(default)r)")
    parser.add_argument("--send", action="append",
                        help="a line to type after a prompt; repeat for more lines; "
                             f"an empty one types nothing (default: {DEFAULT_SEND!r})")
    parser.add_argument("--expect", action="append",
                        help="a regular expression that must match a whole output line; "
                             "repeatable (defaults fit the default --send: "
                             + ", ".join(repr(e) for e in DEFAULT_EXPECT) + ")")
    parser.add_argument("--status", type=int, default=0,
                        help="COMMAND's expected exit status (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds for the whole run (default: %(default)s)")
    parser.add_argument("--char-delay", type=float, default=0.01,
                        help="seconds between typed characters, as a person types "
                             "(default: %(default)s)")
    parser.add_argument("--log", help="also write the whole transcript to this file")
    parser.add_argument("--quiet", action="store_true",
                        help="do not copy the guest's output to standard output")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.command and args.command[0] == "--":
        args.command = args.command[1:]
    if not args.command:
        parser.error("no command given (put it after --)")
    if args.send is None:
        args.send = [DEFAULT_SEND]
        if args.expect is None:
            args.expect = list(DEFAULT_EXPECT)
    args.send = [line for line in args.send if line != ""]
    args.expect = args.expect or []
    return args


class Session:
    """COMMAND on the slave side of a pseudo-terminal; this process holds the master."""

    def __init__(self, command, echo_to, log):
        self.master, slave = pty.openpty()
        # Its own session (setsid) with the pty as controlling terminal, like a
        # program started from a terminal emulator; its signals are not ours.
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave,
            start_new_session=True, close_fds=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self.output = b""
        self.echo_to = echo_to
        self.log = log
        self.closed = False

    def pump(self, deadline):
        """Reads what is available until the deadline; returns False at end of output."""
        if self.closed:
            return False
        remaining = max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([self.master], [], [], remaining)
        if not ready:
            return True
        try:
            data = os.read(self.master, 4096)
        except OSError as e:
            # Linux reports EIO on the master once every slave descriptor is closed.
            if e.errno != errno.EIO:
                raise
            data = b""
        if not data:
            self.closed = True
            return False
        self.output += data
        for sink in (self.echo_to, self.log):
            if sink is not None:
                sink.write(data)
                sink.flush()
        return True

    def wait_for(self, text, start, deadline):
        """Waits until text appears in the output at or after offset start; returns
        the offset just past it, or None at timeout or end of output."""
        needle = text.encode()
        while True:
            found = self.output.find(needle, start)
            if found >= 0:
                return found + len(needle)
            if time.monotonic() >= deadline or not self.pump(deadline):
                return None

    def type_line(self, line, char_delay, deadline):
        # Enter sends CR, as a terminal does; the guest's line discipline maps it.
        for ch in (line + "\r").encode():
            os.write(self.master, bytes([ch]))
            pause_until = time.monotonic() + char_delay
            while time.monotonic() < pause_until:
                self.pump(min(pause_until, deadline))

    def finish(self, deadline):
        """Reads until the command exits; returns its status or None at timeout."""
        while True:
            status = self.process.poll()
            if status is not None:
                # What it wrote just before exiting may still be in the pty.
                while self.pump(time.monotonic() + 0.2):
                    pass
                return status
            if time.monotonic() >= deadline:
                return None
            self.pump(min(deadline, time.monotonic() + 0.2))

    def kill(self):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()


# Terminal control sequences (CSI ... final byte) are not part of a line's text.
CONTROL_SEQUENCE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def output_lines(data):
    text = CONTROL_SEQUENCE.sub("", data.decode("utf-8", errors="replace"))
    # After a carriage return inside a line, the terminal shows what follows it.
    return [line.rstrip("\r").split("\r")[-1] for line in text.split("\n")]


def main(argv):
    args = parse_args(argv)
    echo_to = None if args.quiet else sys.stdout.buffer
    log = open(args.log, "wb") if args.log else None
    failures = []
    start_time = time.monotonic()
    deadline = start_time + args.timeout
    session = Session(args.command, echo_to, log)
    try:
        checked_from = None
        offset = 0
        for line in args.send:
            offset = session.wait_for(args.prompt, offset, deadline)
            if offset is None:
                failures.append(f"no prompt {args.prompt!r} before typing {line!r}")
                break
            if checked_from is None:
                checked_from = offset
            # The next prompt is searched from here on: the answer, and with it the
            # next prompt, may arrive while the line is still being typed.
            offset = len(session.output)
            session.type_line(line, args.char_delay, deadline)
        status = None
        if not failures:
            status = session.finish(deadline)
            if status is None:
                failures.append(f"{args.command[0]} still running after {args.timeout:g} s")
            elif status != args.status:
                failures.append(f"{args.command[0]} exited with {status}, expected {args.status}")
    finally:
        if session.process.poll() is None:
            session.kill()
        os.close(session.master)
        if log is not None:
            log.close()

    lines = output_lines(session.output[checked_from or 0:])
    for pattern in args.expect:
        regex = re.compile(pattern)
        if not any(regex.fullmatch(line) for line in lines):
            failures.append(f"no output line matches {pattern!r}")

    elapsed = time.monotonic() - start_time
    print()
    if failures:
        for failure in failures:
            print(f"linux-shell-check: FAILED: {failure}")
        return 1
    print(f"linux-shell-check: passed ({len(args.send)} line(s) typed, "
          f"{len(args.expect)} pattern(s) found, exit status {status}, {elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
