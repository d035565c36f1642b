import Testing

@testable import CapsimStore

@Suite struct CSVReaderTests {
  private func records(_ text: String) throws -> [(line: Int, fields: [String])] {
    var reader = CSVReader(bytes: Array(text.utf8), file: "t.csv")
    var fields: [CSVReader.Field] = []
    var result: [(Int, [String])] = []
    while let start = try reader.nextRecord(into: &fields) {
      result.append((start.line, fields.map { reader.string($0) }))
    }
    return result
  }

  @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
    let rows = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,2,3")
    #expect(
      rows.map(\.fields) == [
        ["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "2", "3"],
      ])
    // The third record starts on physical line 4 because the second spans two lines.
    #expect(rows.map(\.line) == [1, 2, 4])
  }

  @Test func crlfBomBlankLinesAndEmptyFields() throws {
    let rows = try records("\u{FEFF}a,b\r\n\r\n1,\r\n,\"\"\r\n")
    #expect(rows.map(\.fields) == [["a", "b"], ["1", ""], ["", ""]])
    #expect(rows.map(\.line) == [1, 3, 4])
  }

  @Test func unclosedQuoteIsReportedWhereItOpens() throws {
    #expect(
      throws: ImportError.malformedCSV(
        SourceLocation(file: "t.csv", line: 2, column: 3), reason: "a quoted field is never closed")
    ) {
      _ = try records("a,b\n1,\"open\n2,3\n")
    }
  }

  @Test func strayQuotesAreErrors() throws {
    #expect(
      throws: ImportError.malformedCSV(
        SourceLocation(file: "t.csv", line: 1, column: 3),
        reason: "a quote appears inside an unquoted field")
    ) {
      _ = try records("ab\"c,d\n")
    }
    #expect(
      throws: ImportError.malformedCSV(
        SourceLocation(file: "t.csv", line: 1, column: 5),
        reason: "unexpected character after a closing quote")
    ) {
      _ = try records("\"ab\"c,d\n")
    }
  }
}
