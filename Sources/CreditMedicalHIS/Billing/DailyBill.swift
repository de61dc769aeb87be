public import CreditMedicalCore

/// One day of an inpatient stay's bill: the items charged and the refunds made that day.
/// The daily totals of a stay add up to its bill's total.
public struct DailyBill: Sendable, Hashable {
    public let day: BillingDay
    /// Items charged on this day.
    public internal(set) var items: [ChargeItem] = []
    /// Refunds made on this day (possibly of items charged earlier).
    public internal(set) var refunds: [Bill.Refund] = []
    /// Charged minus refunded on this day; negative when a day only refunds.
    public internal(set) var total = Money.zero
}

extension Bill {
    /// The bill cut into days by `calendar`, in day order.
    public func daily(in calendar: BillingCalendar = BillingCalendar()) -> [DailyBill] {
        // Parts of a total that passed a checked sum (``add(_:)-(ChargeItem)``): they cannot overflow.
        var days: [BillingDay: (bill: DailyBill, fen: Int64)] = [:]
        for line in lines {
            let day = calendar.day(of: line.item.time)
            days[day, default: (DailyBill(day: day), 0)].bill.items.append(line.item)
            days[day, default: (DailyBill(day: day), 0)].fen += line.item.amount.fen
        }
        for refund in refunds {
            let day = calendar.day(of: refund.refund.time)
            days[day, default: (DailyBill(day: day), 0)].bill.refunds.append(refund)
            days[day, default: (DailyBill(day: day), 0)].fen -= refund.amount.fen
        }
        return days.values.sorted { $0.bill.day < $1.bill.day }.map { day in
            var bill = day.bill
            bill.total = Money(fen: day.fen)
            return bill
        }
    }

    /// What the daily bills up to and including `day` add up to: the items charged and the refunds
    /// made through that day. What an inpatient stay brings to credit once its days are closed.
    /// (The same as adding up ``daily(in:)`` through `day`, without cutting every day.)
    public func total(through day: BillingDay, in calendar: BillingCalendar = BillingCalendar()) -> Money {
        let end = calendar.end(of: day)
        var total: Int64 = 0
        for line in lines where line.item.time < end { total += line.item.amount.fen }
        for refund in refunds where refund.refund.time < end { total -= refund.amount.fen }
        return Money(fen: total)
    }
}
