using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepNet.Gen.Model;

/// <summary>A source location as plain data (never a <see cref="Location"/>, which would pin a syntax tree in the cache).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
