extension Array {
  /// Makes the array hold `count` elements, keeping its capacity: extra elements are removed from the end,
  /// missing ones appended as `filler`. For scratch buffers reused trial after trial whose values are about
  /// to be overwritten (the elements kept are not reset).
  mutating func resize(to count: Int, filling filler: Element) {
    if self.count > count {
      removeLast(self.count - count)
    } else if self.count < count {
      append(contentsOf: repeatElement(filler, count: count - self.count))
    }
  }
}
