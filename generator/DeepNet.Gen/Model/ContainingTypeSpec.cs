namespace DeepNet.Gen.Model;

/// <summary>A type the network is nested in, outermost first: its keyword (<c>class</c>, <c>record</c>, <c>struct</c>, <c>record struct</c>) and name.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
