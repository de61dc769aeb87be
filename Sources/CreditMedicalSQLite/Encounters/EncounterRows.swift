import CreditMedicalCore
import CreditMedicalHIS

/// The SQL and the row mapping of encounters, charges, settlements and the notification outbox.
enum EncounterRows {
    static let upsertEncounters = BulkInsert(
        table: "encounters",
        columns: ["id", "kind", "patient_id", "line_id", "insurance_number", "commercial_policy", "department", "payment_mode",
                  "status", "opened_at", "closed_at", "locked_fen", "uncovered_fen", "billed_through", "credit_steps", "round"],
        updating: ["status", "closed_at", "locked_fen", "uncovered_fen", "billed_through", "credit_steps", "round"])

    static func encounter(_ row: SQLiteStatement) throws(SQLiteStoreError) -> Encounter {
        guard let kind = EncounterKind(rawValue: row.text(1)), let mode = PaymentMode(rawValue: row.text(7)),
              let status = EncounterStatus(rawValue: row.text(8))
        else { throw corrupt("encounter") }
        let patient = Patient(id: row.text(2), line: row.optionalText(3).map(CreditLineID.init),
                              medicalInsuranceNumber: row.optionalText(4), commercialPolicy: row.optionalText(5))
        let billedThrough = row.optionalInt64(13).map {
            BillingDay(year: Int($0 / 10_000), month: Int($0 / 100 % 100), day: Int($0 % 100))
        }
        return Encounter(
            id: EncounterID(row.text(0)), kind: kind, patient: patient, department: row.text(6), paymentMode: mode,
            openedAt: time(row.int64(9)), status: status, closedAt: row.optionalInt64(10).map(time),
            locked: Money(fen: row.int64(11)), uncovered: Money(fen: row.int64(12)), billedThrough: billedThrough,
            creditSteps: Int(row.int64(14)), round: Int(row.int64(15)))
    }

    static func bind(_ encounter: Encounter, to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        try row.bind(encounter.id.rawValue)
        try row.bind(encounter.kind.rawValue)
        try row.bind(encounter.patient.id)
        try row.bind(encounter.patient.line?.rawValue)
        try row.bind(encounter.patient.medicalInsuranceNumber)
        try row.bind(encounter.patient.commercialPolicy)
        try row.bind(encounter.department)
        try row.bind(encounter.paymentMode.rawValue)
        try row.bind(encounter.status.rawValue)
        try row.bind(encounter.openedAt.millisecondsSince1970)
        try row.bind(encounter.closedAt?.millisecondsSince1970)
        try row.bind(encounter.locked.fen)
        try row.bind(encounter.uncovered.fen)
        try row.bind(encounter.billedThrough.map { Int64($0.year * 10_000 + $0.month * 100 + $0.day) })
        try row.bind(Int64(encounter.creditSteps))
        try row.bind(Int64(encounter.round))
    }

    static let insertItems = BulkInsert(
        table: "charge_items",
        columns: ["encounter_id", "item_id", "code", "name", "category", "insurance_class", "quantity_thousandths",
                  "unit_price_fen", "amount_fen", "department", "doctor", "charged_at"])

    static func item(_ row: SQLiteStatement) throws(SQLiteStoreError) -> ChargeItem {
        guard let category = ChargeCategory(rawValue: row.text(4)), let insuranceClass = InsuranceClass(rawValue: row.text(5)),
              let item = try? ChargeItem(
                id: ChargeItemID(row.text(1)), code: row.text(2), name: row.text(3), category: category, insuranceClass: insuranceClass,
                quantity: Quantity(thousandths: row.int64(6)), unitPrice: Money(fen: row.int64(7)), department: row.text(9),
                doctor: row.text(10), time: time(row.int64(11))),
              item.amount.fen == row.int64(8)
        else { throw corrupt("charge item") }
        return item
    }

    static func bind(_ entry: (EncounterID, ChargeItem), to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        let (encounter, item) = entry
        try row.bind(encounter.rawValue)
        try row.bind(item.id.rawValue)
        try row.bind(item.code)
        try row.bind(item.name)
        try row.bind(item.category.rawValue)
        try row.bind(item.insuranceClass.rawValue)
        try row.bind(item.quantity.thousandths)
        try row.bind(item.unitPrice.fen)
        try row.bind(item.amount.fen)
        try row.bind(item.department)
        try row.bind(item.doctor)
        try row.bind(item.time.millisecondsSince1970)
    }

    static let insertRefunds = BulkInsert(
        table: "charge_refunds", columns: ["encounter_id", "refund_id", "item_id", "quantity_thousandths", "refunded_at"])

    static func refund(_ row: SQLiteStatement) -> ChargeRefund {
        ChargeRefund(id: ChargeItemID(row.text(1)), item: ChargeItemID(row.text(2)), quantity: Quantity(thousandths: row.int64(3)),
                     time: time(row.int64(4)))
    }

    static func bind(_ entry: (EncounterID, ChargeRefund), to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        let (encounter, refund) = entry
        try row.bind(encounter.rawValue)
        try row.bind(refund.id.rawValue)
        try row.bind(refund.item.rawValue)
        try row.bind(refund.quantity.thousandths)
        try row.bind(refund.time.millisecondsSince1970)
    }

    static let upsertSettlements = BulkInsert(
        table: "settlements",
        columns: ["encounter_id", "round", "step", "started_at", "total_fen", "medical_settlement_id", "medical_fund_fen",
                  "medical_account_fen", "medical_cash_fen", "commercial_claim_id", "commercial_paid_fen", "split_fund_fen",
                  "split_account_fen", "split_commercial_fen", "split_credit_fen", "split_excess_fen", "captured_at",
                  "advance_due_by", "advance_paid_at", "refund_owed_fen", "updated_at"],
        updating: ["step", "medical_settlement_id", "medical_fund_fen", "medical_account_fen", "medical_cash_fen",
                   "commercial_claim_id", "commercial_paid_fen", "split_fund_fen", "split_account_fen", "split_commercial_fen",
                   "split_credit_fen", "split_excess_fen", "captured_at", "advance_due_by", "advance_paid_at", "refund_owed_fen",
                   "updated_at"],
        keyColumns: 2)

    static func settlement(_ row: SQLiteStatement) throws(SQLiteStoreError) -> SettlementRecord {
        guard let step = SettlementRecord.Step(rawValue: row.text(2)) else { throw corrupt("settlement step") }
        let total = Money(fen: row.int64(4))
        let medical = row.optionalText(5).map {
            MedicalInsuranceSettlement(settlementID: $0, fund: Money(fen: row.int64(6)), personalAccount: Money(fen: row.int64(7)),
                                       cash: Money(fen: row.int64(8)))
        }
        let commercial = row.optionalText(9).map { CommercialInsurancePayment(claimID: $0, paid: Money(fen: row.int64(10))) }
        var split: SettlementSplit?
        if let fund = row.optionalInt64(11) {
            split = try? SettlementSplit(total: total, fund: Money(fen: fund), personalAccount: Money(fen: row.int64(12)),
                                         commercial: Money(fen: row.int64(13)), credit: Money(fen: row.int64(14)),
                                         excess: Money(fen: row.int64(15)))
            guard split != nil else { throw corrupt("settlement split") }
        }
        return SettlementRecord(
            encounter: EncounterID(row.text(0)), round: Int(row.int64(1)), startedAt: time(row.int64(3)), total: total, step: step,
            medical: medical, commercial: commercial, split: split, capturedAt: row.optionalInt64(16).map(time),
            advanceDueBy: row.optionalInt64(17).map(time), advancePaidAt: row.optionalInt64(18).map(time),
            refundOwed: Money(fen: row.int64(19)), updatedAt: time(row.int64(20)))
    }

    static func bind(_ record: SettlementRecord, to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        try row.bind(record.encounter.rawValue)
        try row.bind(Int64(record.round))
        try row.bind(record.step.rawValue)
        try row.bind(record.startedAt.millisecondsSince1970)
        try row.bind(record.total.fen)
        try row.bind(record.medical?.settlementID)
        try row.bind(record.medical?.fund.fen)
        try row.bind(record.medical?.personalAccount.fen)
        try row.bind(record.medical?.cash.fen)
        try row.bind(record.commercial?.claimID)
        try row.bind(record.commercial?.paid.fen)
        try row.bind(record.split?.fund.fen)
        try row.bind(record.split?.personalAccount.fen)
        try row.bind(record.split?.commercial.fen)
        try row.bind(record.split?.credit.fen)
        try row.bind(record.split?.excess.fen)
        try row.bind(record.capturedAt?.millisecondsSince1970)
        try row.bind(record.advanceDueBy?.millisecondsSince1970)
        try row.bind(record.advancePaidAt?.millisecondsSince1970)
        try row.bind(record.refundOwed.fen)
        try row.bind(record.updatedAt.millisecondsSince1970)
    }

    static let upsertNotifications = BulkInsert(
        table: "notification_outbox", columns: ["id", "patient_id", "kind", "text"], updating: ["text"])

    static func notification(_ row: SQLiteStatement) throws(SQLiteStoreError) -> PatientNotification {
        guard let kind = PatientNotificationKind(rawValue: row.text(2)) else { throw corrupt("notification kind") }
        return PatientNotification(id: AdapterRequestID(row.text(0)), patient: row.text(1), kind: kind, text: row.text(3))
    }

    static func bind(_ notification: PatientNotification, to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        try row.bind(notification.id.rawValue)
        try row.bind(notification.patient)
        try row.bind(notification.kind.rawValue)
        try row.bind(notification.text)
    }

    private static func time(_ milliseconds: Int64) -> Timestamp { Timestamp(millisecondsSince1970: milliseconds) }

    private static func corrupt(_ what: String) -> SQLiteStoreError {
        SQLiteStoreError(.corruptRow, message: "A stored \(what) has a value this version does not know.")
    }
}
