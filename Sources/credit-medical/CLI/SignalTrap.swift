import Foundation
import Synchronization

/// While it lives, SIGINT (Ctrl-C) and SIGTERM no longer end the process at once: `cleanUp` runs
/// first, then the process exits with 128 + the signal's number (130, 143), as a shell reports a
/// process the signal ended.
///
/// The signal handler only writes the signal's number into a pipe; a thread of the trap's own
/// waits on the pipe and cleans up. It is not a Dispatch queue's: a benchmark keeps every thread
/// of Swift's shared pool busy, and a handler queued behind its work ran only after the
/// benchmark had finished and exited 0.
final class SignalTrap {
    private static let signals = [SIGINT, SIGTERM]
    /// The pipe's write end, for the handler (which may touch nothing else); -1 without a trap.
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    /// Set by the handler: a signal came, and the trap's thread is cleaning up and will end the
    /// process.
    private static let caught = Atomic<Bool>(false)
    private let pipeEnds: (read: Int32, write: Int32)

    init(_ cleanUp: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        precondition(pipe(&ends) == 0, "a pipe for the signal trap")
        pipeEnds = (ends[0], ends[1])
        Self.writeEnd = ends[1]
        let readEnd = ends[0]
        let waiter = Thread {
            var number: Int32 = 0
            // Ends with 0 bytes read once the trap is gone and the write end closed.
            while true {
                let count = read(readEnd, &number, MemoryLayout<Int32>.size)
                if count == MemoryLayout<Int32>.size { break }
                if count == 0 || (count < 0 && errno != EINTR) {
                    close(readEnd)
                    return
                }
            }
            cleanUp()
            fflush(nil)
            _exit(128 + number)
        }
        waiter.start()
        for number in Self.signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                SignalTrap.caught.store(true, ordering: .sequentiallyConsistent)
                var signal = number
                _ = write(SignalTrap.writeEnd, &signal, MemoryLayout<Int32>.size)
            }
            sigaction(number, &action, nil)
        }
    }

    /// Once a signal has come, waits (up to ten minutes) for the trap's thread to clean up and end
    /// the process, so that the work the signal cut short neither reports its failure nor exits
    /// with its own status first. Returns at once when no signal came.
    static func waitIfCaught() {
        guard caught.load(ordering: .sequentiallyConsistent) else { return }
        for _ in 0..<1_200 { usleep(500_000) }
    }

    deinit {
        for number in Self.signals { signal(number, SIG_DFL) }
        Self.writeEnd = -1
        close(pipeEnds.write)
    }
}
