/// The requests of one ``CreditEnrollment`` call on their way through the saga's steps: each
/// with its recorded steps, or the error that stopped it.
final class EnrollmentBatch {
    struct Item {
        let index: Int
        let request: EnrollmentRequest
        var steps: [EnrollmentStep]
        var error: (any Error)?
    }

    private var items: [Item]

    /// The requests, each admitted by `admit` (which answers its recorded steps); an id twice in
    /// one batch is a conflict from its second request on.
    init(requests: [EnrollmentRequest], admit: (EnrollmentRequest) throws -> [EnrollmentStep]) {
        var seen: Set<String> = []
        items = requests.enumerated().map { index, request in
            do {
                guard seen.insert(request.id).inserted else {
                    throw EnrollmentError(.requestConflict, details: "\(request.id) twice in one batch")
                }
                return Item(index: index, request: request, steps: try admit(request))
            } catch {
                return Item(index: index, request: request, steps: [], error: error)
            }
        }
    }

    /// The items still going whose last step is `name`.
    func waiting(after name: String) -> [Int] {
        items.indices.filter { items[$0].error == nil && items[$0].steps.last?.event.name == name }
    }

    func request(_ index: Int) -> EnrollmentRequest { items[index].request }

    func lastEvent(_ index: Int) -> EnrollmentStep.Event? { items[index].steps.last?.event }

    /// Stops `index` with `error`; its recorded steps stay.
    func fail(_ index: Int, _ error: any Error) {
        items[index].error = error
    }

    /// Records, in one append, the events `make` answers for the items still going (`nil` for
    /// none). An item whose `make` throws stops with that error; when the append fails, every
    /// item it carried stops with its error.
    func record(in store: any EnrollmentStore, at now: Timestamp, _ make: (Item) throws -> [EnrollmentStep.Event]?) {
        var new: [(index: Int, steps: [EnrollmentStep])] = []
        for item in items where item.error == nil {
            do {
                guard let events = try make(item), !events.isEmpty else { continue }
                new.append((item.index, events.map {
                    EnrollmentStep(enrollment: item.request.id, patient: item.request.patient, at: now, event: $0)
                }))
            } catch {
                items[item.index].error = error
            }
        }
        guard !new.isEmpty else { return }
        do {
            let kept = try store.append(new.flatMap(\.steps))
            for (index, steps) in new {
                // Another process recorded a step first: go on from what is recorded.
                let enrollment = items[index].request.id
                items[index].steps = kept.contains(enrollment) ? try store.steps(of: enrollment) : items[index].steps + steps
            }
        } catch {
            for (index, _) in new { items[index].error = error }
        }
    }

    /// One result per request: its error, or the status its steps add up to.
    var results: [Result<EnrollmentStatus, any Error>] {
        items.map { item in item.error.map { .failure($0) } ?? .success(EnrollmentStatus(steps: item.steps)) }
    }
}
