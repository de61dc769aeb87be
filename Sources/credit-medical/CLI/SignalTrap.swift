import Dispatch
import Foundation

/// While it lives, SIGINT (Ctrl-C) and SIGTERM no longer end the process at once: `cleanUp` runs
/// first, then the process exits with 128 + the signal's number (130, 143), as a shell reports a
/// process the signal ended.
final class SignalTrap {
    private static let signals = [SIGINT, SIGTERM]
    private let sources: [any DispatchSourceSignal]

    init(_ cleanUp: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "credit-medical.signals")
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)  // or the default action would end the process before the handler runs
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                cleanUp()
                fflush(nil)
                _exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
