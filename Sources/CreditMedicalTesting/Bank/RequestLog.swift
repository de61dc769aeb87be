import CreditMedicalCore

/// Requests a fake booked, by request id, in the order first received.
struct RequestLog<Request: Sendable>: Sendable {
    private var byID: [AdapterRequestID: Request] = [:]
    private var order: [AdapterRequestID] = []

    /// Books `request` under `id` unless that id is booked; returns whether it booked it.
    mutating func book(_ request: Request, as id: AdapterRequestID) -> Bool {
        guard byID[id] == nil else { return false }
        byID[id] = request
        order.append(id)
        return true
    }

    subscript(id: AdapterRequestID) -> Request? { byID[id] }

    /// Every booked request, in the order booked.
    var inOrder: [Request] { order.compactMap { byID[$0] } }

    /// The ids booked, in order.
    var ids: [AdapterRequestID] { order }
}
