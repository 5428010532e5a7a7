using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DeepNet.Gen.Tests.Infrastructure;

/// <summary>
/// Source text with expected-diagnostic markers removed. <c>{|DNG002:text|}</c> expects diagnostic DNG002 exactly on
/// <c>text</c>; <c>[|text|]</c> marks a span without an id. Markers may nest.
/// </summary>
internal sealed class MarkedSource
{
    private MarkedSource(string text, ImmutableArray<MarkedSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The source with every marker removed.</summary>
    public string Text { get; }

    /// <summary>The marked spans in <see cref="Text"/>, in the order they close.</summary>
    public ImmutableArray<MarkedSpan> Spans { get; }

    public static MarkedSource Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var open = new Stack<(string? Id, int Start)>();
        var spans = ImmutableArray.CreateBuilder<MarkedSpan>();
        int i = 0;
        while (i < markup.Length)
        {
            if (StartsWith(markup, i, "[|"))
            {
                open.Push((null, text.Length));
                i += 2;
            }
            else if (StartsWith(markup, i, "{|"))
            {
                int colon = i + 2;
                while (colon < markup.Length && char.IsLetterOrDigit(markup[colon]))
                    colon++;
                if (colon == i + 2 || colon == markup.Length || markup[colon] != ':')
                    throw new FormatException($"Marker at offset {i} must start with '{{|ID:' (a diagnostic id and a colon).");
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon + 1;
            }
            else if (StartsWith(markup, i, "|]") || StartsWith(markup, i, "|}"))
            {
                bool named = markup[i + 1] == '}';
                if (open.Count == 0 || (open.Peek().Id is not null) != named)
                    throw new FormatException($"Unbalanced marker '{markup.Substring(i, 2)}' at offset {i}.");
                (string? id, int start) = open.Pop();
                spans.Add(new MarkedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i += 2;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }
        if (open.Count > 0)
            throw new FormatException($"{open.Count} marker(s) are never closed.");
        return new MarkedSource(text.ToString(), spans.ToImmutable());
    }

    private static bool StartsWith(string text, int index, string value) =>
        string.CompareOrdinal(text, index, value, 0, value.Length) == 0;
}
