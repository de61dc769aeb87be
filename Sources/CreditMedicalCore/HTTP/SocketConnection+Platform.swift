#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What differs between the C libraries: constants' types and how a write to a closed peer is
/// kept from raising `SIGPIPE`.
extension SocketConnection {
    #if canImport(Glibc)
    package static let streamSocketType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    static func suppressBrokenPipeSignal(_ descriptor: Int32) {}
    #else
    package static let streamSocketType = SOCK_STREAM
    static let sendFlags: Int32 = 0
    static func suppressBrokenPipeSignal(_ descriptor: Int32) {
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
    }
    #endif

    /// The C library's sentence for `code`, such as `Connection refused`.
    package static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
