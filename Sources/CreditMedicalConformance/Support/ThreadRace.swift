import Foundation

/// Runs the same work on several threads of their own (not a pool, which may run them one after
/// the other), in rounds that each thread begins only when every thread has finished the round
/// before: in each round, all of them race for the same thing.
enum ThreadRace {
    /// Calls `body(round, thread)` for each of `rounds` rounds on each of `threads` threads, and
    /// returns when every call has returned.
    static func run(threads: Int, rounds: Int, _ body: @escaping @Sendable (_ round: Int, _ thread: Int) -> Void) {
        let barrier = Barrier(parties: threads)
        let finished = DispatchGroup()
        for thread in 0..<threads {
            finished.enter()
            Thread {
                for round in 0..<rounds {
                    barrier.wait()
                    body(round, thread)
                }
                finished.leave()
            }.start()
        }
        finished.wait()
    }

    /// Lets threads pass only together: the last of `parties` to arrive releases the others.
    fileprivate final class Barrier {
        private let parties: Int
        private let condition = NSCondition()
        private var waiting = 0
        /// How many times all have passed.
        private var passed = 0

        init(parties: Int) { self.parties = parties }

        func wait() {
            condition.lock()
            defer { condition.unlock() }
            waiting += 1
            guard waiting < parties else {
                (waiting, passed) = (0, passed + 1)
                condition.broadcast()
                return
            }
            let generation = passed
            while passed == generation { condition.wait() }
        }
    }
}

// `waiting` and `passed` are used only while `condition` is locked.
extension ThreadRace.Barrier: @unchecked Sendable {}
