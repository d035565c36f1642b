@_exported import CapsimCore
