/// A small, fast, seeded random generator (SplitMix64) for simulations, synthetic data and
/// randomized tests: the same seed gives the same numbers on every platform, so a run replays
/// exactly. Not for secrets.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A value in `0..<bound`.
    public mutating func next(below bound: UInt64) -> UInt64 { next() % bound }

    /// A number in `[0, 1)`, 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
