import CapsimCore
