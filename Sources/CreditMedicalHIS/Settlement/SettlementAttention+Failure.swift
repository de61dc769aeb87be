import CreditMedicalCore

extension SettlementAttention {
    /// Whether `error` is a party's or the ledger's answer that the desk cannot go on with, so
    /// that repeating the step would only fail again: an answer that does not add up, a party
    /// that does not know the settlement, a ledger refusal. Failures that may pass (timeouts,
    /// unreachable parties, store errors, another desk's writes, a crash) are not.
    static func isNeeded(after error: any Error) -> Bool {
        switch error {
        case let error as AdapterError: error.code != .timeout && error.code != .unavailable
        case is BillingError, is LedgerError: true
        default: false
        }
    }

    /// The attention a checkout stopped by `error` needs since `time`. The failure may come from
    /// a party's adapter: its code and description are made storable.
    init(failure error: any Error, since time: Timestamp) {
        let code = (error as? any CodedError)?.code.rawValue ?? "unknown"
        self.init(code: InputRules.storable(code, maximumLength: 128), reason: InputRules.storable("\(error)"), since: time)
    }
}
