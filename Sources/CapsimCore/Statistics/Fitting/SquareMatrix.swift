/// A small dense square matrix, row-major, for the Durbin/MTW Kolmogorov computation.
struct SquareMatrix {
  let size: Int
  var elements: [Double]

  init(size: Int) {
    self.size = size
    self.elements = [Double](repeating: 0, count: size * size)
  }

  static func identity(size: Int) -> SquareMatrix {
    var matrix = SquareMatrix(size: size)
    for i in 0..<size { matrix[i, i] = 1 }
    return matrix
  }

  subscript(row: Int, column: Int) -> Double {
    get { elements[row * size + column] }
    set { elements[row * size + column] = newValue }
  }

  mutating func scale(by factor: Double) {
    for i in elements.indices { elements[i] *= factor }
  }

  /// The product, i-k-j loop order. - Complexity: O(size³).
  static func * (left: SquareMatrix, right: SquareMatrix) -> SquareMatrix {
    let n = left.size
    var result = SquareMatrix(size: n)
    left.elements.withUnsafeBufferPointer { a in
      right.elements.withUnsafeBufferPointer { b in
        result.elements.withUnsafeMutableBufferPointer { c in
          for i in 0..<n {
            for k in 0..<n {
              let factor = a[i * n + k]
              if factor == 0 { continue }
              for j in 0..<n { c[i * n + j] += factor * b[k * n + j] }
            }
          }
        }
      }
    }
    return result
  }
}
