using System;
using System.IO;

namespace DeepNet.Application.Tests.TestDoubles;

/// <summary>A writable memory stream that accepts <see cref="Limit"/> bytes, then fails like a full disk.</summary>
internal sealed class ThrowingStream(int limit) : MemoryStream
{
    public int Limit { get; } = limit;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int room = Math.Max(0, Limit - (int)Length);
        byte[] accepted = buffer[..Math.Min(room, buffer.Length)].ToArray();
        base.Write(accepted, 0, accepted.Length);
        if (buffer.Length > room)
            throw new IOException($"No space left after {Limit} bytes.");
    }

    public override void WriteByte(byte value) => Write([value]);
}
