using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepNet.Interop;

/// <summary>
/// The header of a numpy <c>.npy</c> array: the magic <c>\x93NUMPY</c>, a format version, a little-endian header length
/// and a Python dict literal such as <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (4, 5), }</c>, padded with
/// spaces and a final newline so that the data starts at a multiple of 64 bytes.
/// </summary>
internal sealed class NpyHeader
{
    /// <summary>Little-endian IEEE 754 double.</summary>
    public const string Float64 = "<f8";

    /// <summary>Little-endian IEEE 754 single.</summary>
    public const string Float32 = "<f4";

    private const int Alignment = 64;

    /// <summary>Magic (6) + version (2) + header length (2 in version 1.0).</summary>
    private const int PreambleLength = 10;

    /// <summary>numpy's own header never comes near this; a larger one is rejected before it is read.</summary>
    private const int MaxDictionaryLength = 1 << 16;

    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    private NpyHeader(string descr, bool fortranOrder, long[] shape)
    {
        Descr = descr;
        FortranOrder = fortranOrder;
        Shape = shape;
    }

    /// <summary>The dtype, such as <c>&lt;f8</c>.</summary>
    public string Descr { get; }

    /// <summary>True when the data is column-major.</summary>
    public bool FortranOrder { get; }

    /// <summary>The dimensions of the array.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The shape as Python prints it: <c>(4, 5)</c>, <c>(4,)</c> or <c>()</c>.</summary>
    public static string FormatShape(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    /// <summary>A version 1.0 header for a C-order array of <paramref name="descr"/> values with the given shape.</summary>
    public static byte[] Encode(string descr, IReadOnlyList<long> shape)
    {
        string dictionary = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {FormatShape(shape)}, }}";
        int unpadded = PreambleLength + dictionary.Length + 1;
        int padding = (Alignment - unpadded % Alignment) % Alignment;
        int headerLength = dictionary.Length + padding + 1;
        var bytes = new byte[PreambleLength + headerLength];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), checked((ushort)headerLength));
        Encoding.ASCII.GetBytes(dictionary, bytes.AsSpan(PreambleLength));
        bytes.AsSpan(PreambleLength + dictionary.Length, padding).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>Reads and parses the header at the start of <paramref name="stream"/>, leaving it at the first data byte.</summary>
    /// <param name="stream">The array's stream.</param>
    /// <param name="key">The array's key, named in every error.</param>
    /// <exception cref="NpzFileException">The header is not a valid .npy header of versions 1.0, 2.0 or 3.0.</exception>
    public static NpyHeader Read(Stream stream, string key)
    {
        Span<byte> preamble = stackalloc byte[8];
        if (ReadAtMost(stream, preamble) < preamble.Length || !preamble[..6].SequenceEqual(Magic))
            throw new NpzFileException($"{key}: not a .npy array (it does not start with the magic bytes \\x93NUMPY).");
        byte major = preamble[6];
        byte minor = preamble[7];
        if (major is < 1 or > 3 || minor != 0)
            throw new NpzFileException($"{key}: .npy format version {major}.{minor} is not supported; 1.0, 2.0 and 3.0 are.");

        Span<byte> lengthBytes = stackalloc byte[major == 1 ? 2 : 4];
        if (ReadAtMost(stream, lengthBytes) < lengthBytes.Length)
            throw new NpzFileException($"{key}: the .npy header is truncated.");
        long length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes) : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (length > MaxDictionaryLength)
            throw new NpzFileException($"{key}: the .npy header declares {length} bytes; at most {MaxDictionaryLength} are accepted.");
        var text = new byte[length];
        if (ReadAtMost(stream, text) < text.Length)
            throw new NpzFileException($"{key}: the .npy header is truncated ({length} bytes declared).");

        string dictionary = major == 3 ? Encoding.UTF8.GetString(text) : Encoding.Latin1.GetString(text);
        return Parse(dictionary, key);
    }

    private static NpyHeader Parse(string text, string key)
    {
        var reader = new LiteralReader(text, key);
        Dictionary<string, object> entries = reader.ReadDictionary();
        reader.ExpectEnd();

        string[] required = ["descr", "fortran_order", "shape"];
        string[] unexpected = entries.Keys.Except(required).ToArray();
        string[] missing = required.Except(entries.Keys).ToArray();
        if (unexpected.Length > 0 || missing.Length > 0)
            throw new NpzFileException($"{key}: the .npy header must have exactly the keys 'descr', 'fortran_order' and 'shape'; found {string.Join(", ", entries.Keys.Select(k => $"'{k}'"))}.");
        if (entries["descr"] is not string descr)
            throw new NpzFileException($"{key}: the .npy header's 'descr' is not a simple dtype string (structured arrays are not supported).");
        if (entries["fortran_order"] is not bool fortranOrder)
            throw new NpzFileException($"{key}: the .npy header's 'fortran_order' is not True or False.");
        if (entries["shape"] is not long[] shape)
            throw new NpzFileException($"{key}: the .npy header's 'shape' is not a tuple of integers.");
        return new NpyHeader(descr, fortranOrder, shape);
    }

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer[total..]);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    /// <summary>Reads the Python literals a .npy header uses: a dict of string keys, strings, True/False and tuples of integers.</summary>
    private sealed class LiteralReader
    {
        private readonly string _text;
        private readonly string _key;
        private int _position;

        public LiteralReader(string text, string key)
        {
            _text = text;
            _key = key;
        }

        public Dictionary<string, object> ReadDictionary()
        {
            var entries = new Dictionary<string, object>(StringComparer.Ordinal);
            Expect('{');
            while (!TryConsume('}'))
            {
                string name = ReadString();
                Expect(':');
                if (!entries.TryAdd(name, ReadValue()))
                    throw Error($"the key '{name}' appears twice");
                if (!TryConsume(','))
                {
                    Expect('}');
                    break;
                }
            }
            return entries;
        }

        /// <summary>After the dict only the padding (spaces and the final newline) may follow.</summary>
        public void ExpectEnd()
        {
            SkipWhiteSpace();
            if (_position < _text.Length)
                throw Error($"unexpected '{_text[_position]}' after the dict");
        }

        private object ReadValue()
        {
            SkipWhiteSpace();
            if (_position >= _text.Length)
                throw Error("the header ends inside the dict");
            char c = _text[_position];
            if (c is '\'' or '"')
                return ReadString();
            if (c == '(')
                return ReadTuple();
            if (TryConsumeWord("True"))
                return true;
            if (TryConsumeWord("False"))
                return false;
            // Anything else (a list of fields for a structured dtype, a number) is a valid literal this reader does not need.
            return SkipOther();
        }

        private string ReadString()
        {
            SkipWhiteSpace();
            if (_position >= _text.Length || _text[_position] is not ('\'' or '"'))
                throw Error("a quoted string was expected");
            char quote = _text[_position++];
            int end = _text.IndexOf(quote, _position);
            if (end < 0)
                throw Error("a string is not closed");
            string value = _text[_position..end];
            _position = end + 1;
            return value;
        }

        private long[] ReadTuple()
        {
            Expect('(');
            var values = new List<long>();
            while (!TryConsume(')'))
            {
                SkipWhiteSpace();
                int start = _position;
                while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                    _position++;
                if (start == _position || !long.TryParse(_text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                    throw Error("the shape holds something other than non-negative integers");
                TryConsume('L');   // Python 2 wrote long integers as 3L.
                values.Add(value);
                if (!TryConsume(','))
                {
                    Expect(')');
                    break;
                }
            }
            return values.ToArray();
        }

        /// <summary>Skips a value of another kind up to the next top-level comma or closing brace; returns a marker.</summary>
        private object SkipOther()
        {
            int depth = 0;
            int start = _position;
            while (_position < _text.Length)
            {
                char c = _text[_position];
                if (c is '[' or '(' or '{')
                    depth++;
                else if (c is ']' or ')' or '}')
                {
                    if (depth == 0)
                        break;
                    depth--;
                }
                else if (c == ',' && depth == 0)
                    break;
                else if (c is '\'' or '"')
                {
                    ReadString();
                    continue;
                }
                _position++;
            }
            return new UnsupportedLiteral(_text[start.._position].Trim());
        }

        private bool TryConsumeWord(string word)
        {
            if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
                return false;
            _position += word.Length;
            return true;
        }

        private bool TryConsume(char c)
        {
            SkipWhiteSpace();
            if (_position < _text.Length && _text[_position] == c)
            {
                _position++;
                return true;
            }
            return false;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
                throw Error(_position < _text.Length ? $"'{c}' was expected at offset {_position}, found '{_text[_position]}'" : $"'{c}' was expected, found the end of the header");
        }

        private void SkipWhiteSpace()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
                _position++;
        }

        private NpzFileException Error(string problem) =>
            new($"{_key}: the .npy header is not a valid Python dict literal: {problem}. Header: {_text.TrimEnd()}");
    }

    /// <summary>A value the header may hold but this reader does not interpret (for example a structured dtype's field list).</summary>
    private sealed record UnsupportedLiteral(string Text);
}
