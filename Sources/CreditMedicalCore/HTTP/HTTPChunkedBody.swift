/// Decodes a body sent with `Transfer-Encoding: chunked`: hexadecimal sizes, each chunk followed
/// by CRLF, a last chunk of size 0 and optional trailers up to an empty line.
enum HTTPChunkedBody {
    /// The body `bytes` carry, `nil` while the last chunk or the trailers' end has not arrived.
    static func decode(_ bytes: ArraySlice<UInt8>) throws(HTTPFailure) -> [UInt8]? {
        var body: [UInt8] = []
        var index = bytes.startIndex
        while true {
            guard let sizeLine = bytes[index...].firstRange(of: [13, 10]) else { return nil }
            let sizeText = String(decoding: bytes[index..<sizeLine.lowerBound], as: UTF8.self).prefix { $0 != ";" }.trimmingSpaces
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw .malformed(problem: "chunk size") }
            index = sizeLine.upperBound
            if size == 0 { return trailersEnd(bytes[index...]) ? body : nil }
            guard bytes.endIndex - index - 2 >= size else { return nil }
            body += bytes[index..<(index + size)]
            guard bytes[index + size] == 13, bytes[index + size + 1] == 10 else { throw .malformed(problem: "chunk end") }
            index += size + 2
        }
    }

    /// Whether `bytes` hold the trailers' end: an empty line after zero or more header lines.
    private static func trailersEnd(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while let line = bytes[index...].firstRange(of: [13, 10]) {
            if line.lowerBound == index { return true }
            index = line.upperBound
        }
        return false
    }
}
