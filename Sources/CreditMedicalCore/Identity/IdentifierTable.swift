/// A hash table from identifiers to values, built for the state machine's hot path.
///
/// Keys and values live in two dense arrays in insertion order, so iteration is deterministic
/// and a found position stays valid for writing back. An open-addressing index (linear probing,
/// at most half full) maps a hash of the identifier's UTF-8 bytes to positions. Each index slot
/// keeps the upper half of the key's hash, which also chooses the slot: a probe compares bytes
/// only on a likely match, and growing the index hashes no key again.
///
/// Compared with `Dictionary`, this avoids SipHash (hashing cost dominated the state machine)
/// and moving whole values when the table grows. The hash is seeded per table from the system's
/// random source, so crafted ids cannot be precomputed to collide; ids come from the hospital's
/// own systems in any case. Entries are never removed.
struct IdentifierTable<Key: LedgerIdentifier, Value: Sendable>: Sendable {
    /// Keys by position.
    private(set) var keys: [Key] = []
    /// Values by position; write through ``subscript(position:)``.
    private(set) var values: [Value] = []
    /// `0` for an empty slot, else the hash's upper 32 bits and the position plus one.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    private let seed = UInt64.random(in: .min ... .max)

    /// How many entries the table holds.
    var count: Int { keys.count }

    /// The position of `key`, or `nil`.
    func position(of key: Key) -> Int? {
        probe(for: key, hash: hash(of: key)).position
    }

    /// The value for `key`, or `nil`.
    subscript(key: Key) -> Value? {
        position(of: key).map { values[$0] }
    }

    /// The value at `position`, readable and writable in place.
    subscript(position position: Int) -> Value {
        get { values[position] }
        _modify { yield &values[position] }
    }

    /// The position of `key`, inserting `makeValue()` first when the key is new; `inserted` tells
    /// which. One probe serves the lookup and the insertion.
    mutating func positionInsertingIfAbsent(_ key: Key, _ makeValue: () -> Value) -> (position: Int, inserted: Bool) {
        if (keys.count + 1) * 2 > slots.count { growIndex() }
        let hash = hash(of: key)
        let found = probe(for: key, hash: hash)
        if let position = found.position { return (position, false) }
        slots[found.slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(keys.count + 1)
        keys.append(key)
        values.append(makeValue())
        return (keys.count - 1, true)
    }

    /// Sets the value for `key`, inserting the key when it is new.
    mutating func set(_ value: Value, for key: Key) {
        let (position, inserted) = positionInsertingIfAbsent(key) { value }
        if !inserted { values[position] = value }
    }

    /// Makes room for `count` more entries, so the table grows at most once.
    mutating func reserveCapacity(adding count: Int) {
        let needed = keys.count + count
        // Arrays reserve exactly what is asked: grow by doubling, or a table reserved for every
        // batch would be copied for every batch.
        if needed > keys.capacity {
            keys.reserveCapacity(max(needed, keys.capacity * 2))
            values.reserveCapacity(max(needed, values.capacity * 2))
        }
        while needed * 2 > slots.count { growIndex() }
    }

    /// Removes every entry, keeping the storage.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = 0 }
    }

    /// Walks the index from `hash`'s slot: the key's position when it is there, else the empty
    /// slot where it would go.
    @inline(__always)
    private func probe(for key: Key, hash: UInt64) -> (slot: Int, position: Int?) {
        // Through buffer pointers, so that comparing a key borrows it instead of copying it out.
        slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                let mask = slots.count - 1
                var slot = Self.slot(of: hash) & mask
                while true {
                    let content = slots[slot]
                    if content == 0 { return (slot, nil) }
                    if content >> 32 == hash >> 32 {
                        let position = Int(content & 0xFFFF_FFFF) - 1
                        if keys[position] == key { return (slot, position) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Doubles the index, placing each slot again by the hash bits it keeps.
    private mutating func growIndex() {
        var grown = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for content in slots where content != 0 {
            var slot = Self.slot(of: content) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = content
        }
        slots = grown
    }

    /// Where a probe for `hash` starts, before masking: its upper 32 bits, the part slots keep.
    @inline(__always)
    private static func slot(of hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 32) }

    /// A fast seeded hash of the key's UTF-8 bytes: eight bytes at a time, each word mixed by a
    /// multiply and xor-shift (the SplitMix64 finalizer); the last word is read overlapping the
    /// one before, and keys under eight bytes are read in two overlapping halves, so there is no
    /// loop over single bytes.
    private func hash(of key: Key) -> UInt64 {
        key.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            let count = bytes.count
            var hash = Self.mix(seed ^ UInt64(count))
            if count >= 8 {
                var offset = 0
                while offset + 8 < count {
                    hash = Self.mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += 8
                }
                return Self.mix(hash ^ bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            }
            let word: UInt64
            if count >= 4 {
                word = UInt64(bytes.loadUnaligned(as: UInt32.self)) << 32
                    | UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else if count > 0 {
                word = UInt64(bytes[0]) << 16 | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1])
            } else {
                word = 0
            }
            return Self.mix(hash ^ word)
        }
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
        value = value &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 29)
    }
}
