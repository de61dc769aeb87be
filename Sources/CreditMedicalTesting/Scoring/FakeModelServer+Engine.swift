#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CreditMedicalCore
import Dispatch
import Foundation
import Synchronization

extension FakeModelServer {
    /// What the server's threads share; they hold the engine, never the server, so releasing
    /// the server stops them.
    final class Engine: Sendable {
        struct State {
            var behaviour: Behaviour
            var pending: [Behaviour] = []
            var received: [ReceivedModelRequest] = []
        }

        let state: Mutex<State>
        private let stopping = CancellationFlag()
        private let threads = DispatchGroup()

        init(behaviour: Behaviour) {
            state = Mutex(State(behaviour: behaviour))
        }

        /// Accepts connections on `listener` on a thread of its own until stopped or `deadline`.
        func start(_ listener: Int32, until deadline: ContinuousClock.Instant) {
            threads.enter()
            Thread { [self] in
                acceptConnections(listener, until: deadline)
                threads.leave()
            }.start()
        }

        /// Stops accepting, cuts short the delays, and waits (at most 5 s) for the threads to end.
        func stop() {
            stopping.raise()
            _ = threads.wait(timeout: .now() + 5)
        }

        /// Accepts connections until stopped or `deadline`, waiting in slices of 50 ms, then closes `listener`.
        private func acceptConnections(_ listener: Int32, until deadline: ContinuousClock.Instant) {
            defer { close(listener) }
            while !stopping.isRaised && ContinuousClock.now < deadline {
                var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 50) > 0 else { continue }
                let descriptor = accept(listener, nil, nil)
                guard descriptor >= 0 else { continue }
                threads.enter()
                Thread { [self] in
                    serve(SocketConnection(adopting: descriptor, cancelled: stopping))
                    threads.leave()
                }.start()
            }
        }

        /// Reads one request, records it, and acts out the next behaviour.
        private func serve(_ connection: SocketConnection) {
            let reader = HTTPMessageReader(limit: 4 << 20, isResponse: false)
            guard let message = try? reader.read(from: connection, until: .now + .seconds(5)) else { return }
            let parts = message.startLine.split(separator: " ")
            let received = ReceivedModelRequest(method: parts.first.map(String.init) ?? "", path: parts.dropFirst().first.map(String.init) ?? "",
                                                headers: message.headers, body: Data(message.body))
            let behaviour = state.withLock { state in
                state.received.append(received)
                return state.pending.isEmpty ? state.behaviour : state.pending.removeFirst()
            }
            act(behaviour, for: received, on: connection)
        }

        /// Waits `delay` in slices of 10 ms; `false` when the server stopped first.
        func pause(_ delay: Duration) -> Bool {
            let end = ContinuousClock.now + delay
            while ContinuousClock.now < end {
                if stopping.isRaised { return false }
                usleep(10_000)
            }
            return true
        }
    }
}
