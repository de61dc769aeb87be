package import CreditMedicalCore
package import CreditMedicalHIS

/// The columns of the desk's tables and how records map to them, written once for every SQL
/// store. Decoding returns `nil` for a row this version cannot read; the store reports it.
package enum EncounterColumns {
    package static let encounter = ["id", "kind", "patient_id", "line_id", "insurance_number", "commercial_policy", "department",
                                    "payment_mode", "status", "opened_at", "closed_at", "locked_fen", "uncovered_fen",
                                    "billed_through", "credit_steps", "round", "revision", "claimed_by", "claimed_until", "institution_id"]
    /// The encounter columns a later write changes.
    package static let encounterUpdates = ["status", "closed_at", "locked_fen", "uncovered_fen", "billed_through", "credit_steps", "round",
                                           "revision", "claimed_by", "claimed_until", "institution_id"]

    package static func values(_ encounter: Encounter) -> [StoredValue] {
        [.text(encounter.id.rawValue), .text(encounter.kind.rawValue), .text(encounter.patient.id),
         .optional(encounter.patient.line?.rawValue), .optional(encounter.patient.medicalInsuranceNumber),
         .optional(encounter.patient.commercialPolicy), .text(encounter.department), .text(encounter.paymentMode.rawValue),
         .text(encounter.status.rawValue), .integer(encounter.openedAt.millisecondsSince1970),
         .optional(encounter.closedAt?.millisecondsSince1970), .integer(encounter.locked.fen), .integer(encounter.uncovered.fen),
         .optional(encounter.billedThrough.map { Int64($0.year * 10_000 + $0.month * 100 + $0.day) }),
         .integer(Int64(encounter.creditSteps)), .integer(Int64(encounter.round)), .integer(Int64(encounter.revision)),
         .optional(encounter.claim?.desk), .optional(encounter.claim?.until.millisecondsSince1970), .text(encounter.institution.rawValue)]
    }

    package static func encounter(_ row: some StoredRow) -> Encounter? {
        guard let id = row.text(0), let kind = row.text(1).flatMap(EncounterKind.init), let patientID = row.text(2),
              let department = row.text(6), let mode = row.text(7).flatMap(PaymentMode.init),
              let status = row.text(8).flatMap(EncounterStatus.init), let openedAt = row.integer(9), let locked = row.integer(11),
              let uncovered = row.integer(12), let steps = row.integer(14), let round = row.integer(15),
              let revision = row.integer(16), let institution = row.text(19)
        else { return nil }
        let patient = Patient(id: patientID, line: row.text(3).map(CreditLineID.init), medicalInsuranceNumber: row.text(4),
                              commercialPolicy: row.text(5))
        let billedThrough = row.integer(13).map { BillingDay(year: Int($0 / 10_000), month: Int($0 / 100 % 100), day: Int($0 % 100)) }
        var claim: EncounterClaim?
        if let desk = row.text(17) {
            guard let until = row.integer(18) else { return nil }
            claim = EncounterClaim(desk: desk, until: time(until))
        }
        return Encounter(
            id: EncounterID(id), kind: kind, patient: patient, department: department, paymentMode: mode, openedAt: time(openedAt),
            status: status, closedAt: row.integer(10).map(time), locked: Money(fen: locked), uncovered: Money(fen: uncovered),
            billedThrough: billedThrough, creditSteps: Int(steps), round: Int(round), revision: Int(revision), claim: claim,
            institution: InstitutionID(institution))
    }

    /// The desk's columns that hold integers; every other column holds text.
    package static let integers: Set<String> = [
        "opened_at", "closed_at", "locked_fen", "uncovered_fen", "billed_through", "credit_steps", "round", "revision", "claimed_until",
        "quantity_thousandths", "unit_price_fen", "amount_fen", "charged_at", "refunded_at", "started_at", "total_fen",
        "medical_fund_fen", "medical_account_fen", "medical_cash_fen", "commercial_paid_fen", "split_fund_fen", "split_account_fen",
        "split_commercial_fen", "split_credit_fen", "split_excess_fen", "captured_at", "advance_due_by", "advance_paid_at",
        "refund_owed_fen", "updated_at", "attention_since",
    ]

    package static let item = ["encounter_id", "item_id", "code", "name", "category", "insurance_class", "quantity_thousandths",
                               "unit_price_fen", "amount_fen", "department", "doctor", "charged_at"]

    package static func values(_ item: ChargeItem, of encounter: EncounterID) -> [StoredValue] {
        [.text(encounter.rawValue), .text(item.id.rawValue), .text(item.code), .text(item.name), .text(item.category.rawValue),
         .text(item.insuranceClass.rawValue), .integer(item.quantity.thousandths), .integer(item.unitPrice.fen),
         .integer(item.amount.fen), .text(item.department), .text(item.doctor), .integer(item.time.millisecondsSince1970)]
    }

    package static func item(_ row: some StoredRow) -> ChargeItem? {
        guard let id = row.text(1), let code = row.text(2), let name = row.text(3),
              let category = row.text(4).flatMap(ChargeCategory.init), let insuranceClass = row.text(5).flatMap(InsuranceClass.init),
              let quantity = row.integer(6), let price = row.integer(7), let amount = row.integer(8), let department = row.text(9),
              let doctor = row.text(10), let at = row.integer(11),
              let item = try? ChargeItem(id: ChargeItemID(id), code: code, name: name, category: category, insuranceClass: insuranceClass,
                                         quantity: Quantity(thousandths: quantity), unitPrice: Money(fen: price), department: department,
                                         doctor: doctor, time: time(at)),
              item.amount.fen == amount
        else { return nil }
        return item
    }

    package static let refund = ["encounter_id", "refund_id", "item_id", "quantity_thousandths", "refunded_at"]

    package static func values(_ refund: ChargeRefund, of encounter: EncounterID) -> [StoredValue] {
        [.text(encounter.rawValue), .text(refund.id.rawValue), .text(refund.item.rawValue), .integer(refund.quantity.thousandths),
         .integer(refund.time.millisecondsSince1970)]
    }

    package static func refund(_ row: some StoredRow) -> ChargeRefund? {
        guard let id = row.text(1), let item = row.text(2), let quantity = row.integer(3), let at = row.integer(4) else { return nil }
        return ChargeRefund(id: ChargeItemID(id), item: ChargeItemID(item), quantity: Quantity(thousandths: quantity), time: time(at))
    }

    package static let settlement = ["encounter_id", "round", "step", "started_at", "total_fen", "medical_settlement_id",
                                     "medical_fund_fen", "medical_account_fen", "medical_cash_fen", "commercial_claim_id",
                                     "commercial_paid_fen", "split_fund_fen", "split_account_fen", "split_commercial_fen",
                                     "split_credit_fen", "split_excess_fen", "captured_at", "advance_due_by", "advance_paid_at",
                                     "refund_owed_fen", "updated_at", "attention_code", "attention_reason", "attention_since"]
    /// The settlement columns a later write changes (the first two are the key).
    package static var settlementUpdates: [String] { Array(settlement.dropFirst(2)) }

    package static func values(_ record: SettlementRecord) -> [StoredValue] {
        [.text(record.encounter.rawValue), .integer(Int64(record.round)), .text(record.step.rawValue),
         .integer(record.startedAt.millisecondsSince1970), .integer(record.total.fen), .optional(record.medical?.settlementID),
         .optional(record.medical?.fund.fen), .optional(record.medical?.personalAccount.fen), .optional(record.medical?.cash.fen),
         .optional(record.commercial?.claimID), .optional(record.commercial?.paid.fen), .optional(record.split?.fund.fen),
         .optional(record.split?.personalAccount.fen), .optional(record.split?.commercial.fen), .optional(record.split?.credit.fen),
         .optional(record.split?.excess.fen), .optional(record.capturedAt?.millisecondsSince1970),
         .optional(record.advanceDueBy?.millisecondsSince1970), .optional(record.advancePaidAt?.millisecondsSince1970),
         .integer(record.refundOwed.fen), .integer(record.updatedAt.millisecondsSince1970), .optional(record.attention?.code),
         .optional(record.attention?.reason), .optional(record.attention?.since.millisecondsSince1970)]
    }

    package static func settlement(_ row: some StoredRow) -> SettlementRecord? {
        guard let encounter = row.text(0), let round = row.integer(1), let step = row.text(2).flatMap(SettlementRecord.Step.init),
              let startedAt = row.integer(3), let total = row.integer(4), let refundOwed = row.integer(19), let updatedAt = row.integer(20)
        else { return nil }
        var medical: MedicalInsuranceSettlement?
        if let id = row.text(5) {
            guard let fund = row.integer(6), let account = row.integer(7), let cash = row.integer(8) else { return nil }
            medical = MedicalInsuranceSettlement(settlementID: id, fund: Money(fen: fund), personalAccount: Money(fen: account),
                                                 cash: Money(fen: cash))
        }
        var commercial: CommercialInsurancePayment?
        if let id = row.text(9) {
            guard let paid = row.integer(10) else { return nil }
            commercial = CommercialInsurancePayment(claimID: id, paid: Money(fen: paid))
        }
        var split: SettlementSplit?
        if let fund = row.integer(11) {
            guard let account = row.integer(12), let insurer = row.integer(13), let credit = row.integer(14), let excess = row.integer(15),
                  let parts = try? SettlementSplit(total: Money(fen: total), fund: Money(fen: fund), personalAccount: Money(fen: account),
                                                   commercial: Money(fen: insurer), credit: Money(fen: credit), excess: Money(fen: excess))
            else { return nil }
            split = parts
        }
        var attention: SettlementAttention?
        if let code = row.text(21) {
            guard let reason = row.text(22), let since = row.integer(23) else { return nil }
            attention = SettlementAttention(code: code, reason: reason, since: time(since))
        }
        return SettlementRecord(
            encounter: EncounterID(encounter), round: Int(round), startedAt: time(startedAt), total: Money(fen: total), step: step,
            medical: medical, commercial: commercial, split: split, capturedAt: row.integer(16).map(time),
            advanceDueBy: row.integer(17).map(time), advancePaidAt: row.integer(18).map(time), refundOwed: Money(fen: refundOwed),
            updatedAt: time(updatedAt), attention: attention)
    }

    package static let notification = ["id", "patient_id", "kind", "text"]

    package static func values(_ notification: PatientNotification) -> [StoredValue] {
        [.text(notification.id.rawValue), .text(notification.patient), .text(notification.kind.rawValue), .text(notification.text)]
    }

    package static func notification(_ row: some StoredRow) -> PatientNotification? {
        guard let id = row.text(0), let patient = row.text(1), let kind = row.text(2).flatMap(PatientNotificationKind.init),
              let text = row.text(3) else { return nil }
        return PatientNotification(id: AdapterRequestID(id), patient: patient, kind: kind, text: text)
    }

    private static func time(_ milliseconds: Int64) -> Timestamp { Timestamp(millisecondsSince1970: milliseconds) }
}
