using Microsoft.CodeAnalysis.Text;

namespace DeepNet.Gen.Tests.Infrastructure;

/// <summary>A span marked in a <see cref="MarkedSource"/>, with the diagnostic id expected on it (or <c>null</c>).</summary>
internal readonly record struct MarkedSpan(string? Id, TextSpan Span);
