using System;
using System.IO;

namespace DeepNet.Application.Tests.TestDoubles;

/// <summary>Passes the first <c>limit</c> bytes to the real stream, then fails like a full disk or a crash mid-write.</summary>
internal sealed class FailingAfterStream(Stream inner, int limit) : Stream
{
    private int _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int room = Math.Max(0, limit - _written);
        int accepted = Math.Min(room, buffer.Length);
        inner.Write(buffer[..accepted]);
        _written += accepted;
        if (accepted < buffer.Length)
            throw new IOException($"Injected failure after {limit} bytes.");
    }

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
