import ArgumentParser
import Foundation
import HeraldDatabase
import HeraldDriver
import HeraldSQL
import HeraldSchema

/// An `--as-of` value, or now; a malformed one is an invocation error (exit code 2).
func parseInstant(_ text: String?) throws -> Int64 {
    guard let text else { return Int64(Date().timeIntervalSince1970) }
    guard let t = CivilTime.parseInstant(text) else {
        printError("`\(text)` is not an instant; write it as 2026-11-25T12:00:00Z.")
        throw ExitCode(2)
    }
    return t
}

/// A `--db` value opened with its dialect; failing to open is an invocation error (exit code 2).
func openDatabase(_ spec: String) throws -> (DatabaseConnection, any SQLDialect) {
    do {
        return try DatabaseSpec.open(spec)
    } catch {
        printError(error.message)
        throw ExitCode(2)
    }
}

/// Prints a one-line invocation error and returns the exit code 2 to throw.
func invocationError(_ message: String) -> ExitCode {
    printError(message)
    return ExitCode(2)
}
