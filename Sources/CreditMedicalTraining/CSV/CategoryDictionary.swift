/// The distinct values of a text column, looked up by their bytes without making a `String`: an
/// open-addressing hash table of codes (FNV-1a hashes, linear probing) over the values' bytes,
/// kept one after another in a single buffer.
struct CategoryDictionary {
    private var bytes: [UInt8] = []
    /// Where each code's bytes start in ``bytes``; one more entry than codes.
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Code + 1 per slot, 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 64)

    /// The bytes of `code`.
    func key(_ code: Int32) -> ArraySlice<UInt8> {
        bytes[offsets[Int(code)]..<offsets[Int(code) + 1]]
    }

    /// The code of `source[start..<end]`, and whether the value is new (then it was added).
    mutating func code(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (code: Int32, isNew: Bool) {
        let hash = Self.hash(source, start, end)
        let (found, slot) = find(hash, source, start, end)
        if let found { return (found, false) }
        let code = Int32(hashes.count)
        bytes.append(contentsOf: source[start..<end])
        offsets.append(bytes.count)
        hashes.append(hash)
        slots[slot] = code + 1
        if hashes.count * 2 > slots.count { grow() }
        return (code, true)
    }

    /// The code of the value with `hash`, or the empty slot where it belongs.
    private func find(_ hash: UInt64, _ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (code: Int32?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                offsets.withUnsafeBufferPointer { offsets in
                    bytes.withUnsafeBufferPointer { stored in
                        let mask = slots.count - 1
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while slots[slot] != 0 {
                            let code = Int(slots[slot] - 1)
                            let from = offsets[code]
                            if hashes[code] == hash, offsets[code + 1] - from == end - start,
                               (0..<(end - start)).allSatisfy({ stored[from + $0] == source[start + $0] }) {
                                return (Int32(code), slot)
                            }
                            slot = (slot + 1) & mask
                        }
                        return (nil, slot)
                    }
                }
            }
        }
    }

    /// The code of `key`, and whether it is new (then it was added).
    mutating func code(_ key: [UInt8]) -> (code: Int32, isNew: Bool) {
        key.withUnsafeBufferPointer { code($0, 0, $0.count) }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(code + 1)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in start..<end { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3 }
        return hash ^ (hash >> 29)
    }
}
