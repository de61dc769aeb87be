/// The distinct values of a text column, looked up by their bytes without making a `String`: an
/// open-addressing hash table of codes (FNV-1a hashes, linear probing) over the values' bytes.
struct CategoryDictionary {
    /// Each value's bytes, by code.
    private(set) var keys: [[UInt8]] = []
    private var hashes: [UInt64] = []
    /// Code + 1 per slot, 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 64)

    /// The code of `bytes[start..<end]`, and whether the value is new (then it was added).
    mutating func code(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (code: Int32, isNew: Bool) {
        let hash = Self.hash(bytes, start, end)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let code = Int(slots[slot] - 1)
            if hashes[code] == hash, keys[code].elementsEqual(bytes[start..<end]) { return (Int32(code), false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let code = Int32(keys.count)
        keys.append(Array(bytes[start..<end]))
        hashes.append(hash)
        slots[slot] = code + 1
        if keys.count * 2 > slots.count { grow() }
        return (code, true)
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
