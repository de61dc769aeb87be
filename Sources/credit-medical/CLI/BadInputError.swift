/// A file the command was given that it cannot use (a data file with a ragged row, a scorecard
/// that breaks its format): printed as the underlying error, exit status 2, like a command line
/// the tool does not understand, but without the usage.
struct BadInputError: Error, CustomStringConvertible {
    let underlying: any Error

    var description: String { String(describing: underlying) }
}
