public import CreditMedicalCore
import XCTest

/// The conformance suite for a `NotificationSender`. Subclass it, override ``makeSender()`` and
/// ``deliveries(of:from:)`` (how many messages with this id the channel's test system received),
/// and declare one test that calls ``ConformanceSuite/runAll()`` and compares the count with
/// ``allScenarios``.
open class NotificationSenderConformance: ConformanceSuite {
    /// A fresh sender; each scenario calls this once.
    open func makeSender() throws -> any NotificationSender {
        throw ConformanceError("Override makeSender() to return the sender under test.")
    }

    /// How many messages with notification id `id` reached the patient through `sender`, as the
    /// channel's test system counts them (not the sender's memory).
    open func deliveries(of id: AdapterRequestID, from sender: any NotificationSender) async throws -> Int {
        throw ConformanceError("Override deliveries(of:from:) to count what the channel's test system received.")
    }

    /// A patient of the channel's test system.
    open var patient: String { "conformance-patient" }

    public static let allScenarios: [ConformanceScenario<NotificationSenderConformance.Subject>] = [
        .init("eachIdIsDeliveredOnce", eachIdIsDeliveredOnce),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios, of: self, makeSender)
    }

    /// What a scenario works with.
    public typealias Subject = AdapterSubject<any NotificationSender, NotificationSenderConformance>

    static func eachIdIsDeliveredOnce(_ s: Subject) async throws {
        let ids = (0..<3).map { s.request("\($0)") }
        for id in ids + ids {
            try await s.adapter.send(PatientNotification(id: id, patient: s.suite.patient, kind: .chargesLocked, text: "conformance \(id)"))
        }
        for id in ids {
            let count = try await s.suite.deliveries(of: id, from: s.adapter)
            XCTAssertEqual(count, 1, "[eachIdIsDeliveredOnce] \(id)")
        }
    }
}
