// The stack's watchdog: a process of its own (its own process group, so a signal to the stack's group
// does not reach it) that outlives the process that started it. That process tells it, on this
// process's stdin, which processes and process groups it started:
//   group <pid>     a process group (an execution environment and whatever it spawned)
//   process <pid>   a single process (terraform)
//   forget <pid>    gone, or stopped by its owner
// When stdin ends, the owner is gone (it exited, crashed or was SIGKILLed: the kernel closes the pipe),
// so everything still listed is SIGKILLed, and the watchdog exits.
const groups = new Set();
const processes = new Set();

// Signals meant for the stack (Ctrl-C in its terminal, a hang-up) must not end the watchdog before it did its job.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const [verb, value] = line.trim().split(' ');
    const pid = Number(value);
    if (!Number.isInteger(pid) || pid <= 1) continue;
    if (verb === 'group') groups.add(pid);
    else if (verb === 'process') processes.add(pid);
    else if (verb === 'forget') {
      groups.delete(pid);
      processes.delete(pid);
    }
  }
});
process.stdin.on('close', killAll);
process.stdin.on('end', killAll);

function killAll() {
  for (const pid of groups) signal(-pid);
  for (const pid of processes) signal(pid);
  process.exit(0);
}

function signal(target) {
  try {
    process.kill(target, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
