namespace DeepNet.Kernels;

/// <summary>
/// A tile height known to the JIT: kernels generic over an <see cref="IRowCount"/> struct are compiled once per height,
/// with the rows beyond <see cref="Value"/> removed as dead code, so one kernel source serves every tile height.
/// </summary>
internal interface IRowCount
{
    /// <summary>The number of rows.</summary>
    static abstract int Value { get; }
}

internal readonly struct Rows1 : IRowCount { public static int Value => 1; }

internal readonly struct Rows2 : IRowCount { public static int Value => 2; }

internal readonly struct Rows3 : IRowCount { public static int Value => 3; }

internal readonly struct Rows4 : IRowCount { public static int Value => 4; }

internal readonly struct Rows5 : IRowCount { public static int Value => 5; }

internal readonly struct Rows6 : IRowCount { public static int Value => 6; }

internal readonly struct Rows7 : IRowCount { public static int Value => 7; }

internal readonly struct Rows8 : IRowCount { public static int Value => 8; }

internal readonly struct Rows9 : IRowCount { public static int Value => 9; }

internal readonly struct Rows10 : IRowCount { public static int Value => 10; }

internal readonly struct Rows11 : IRowCount { public static int Value => 11; }

internal readonly struct Rows12 : IRowCount { public static int Value => 12; }
