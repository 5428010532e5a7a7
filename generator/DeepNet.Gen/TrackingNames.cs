namespace DeepNet.Gen;

/// <summary>Names of the generator's pipeline steps, asserted by the cacheability tests.</summary>
internal static class TrackingNames
{
    public const string ParseResults = nameof(ParseResults);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Specs = nameof(Specs);
}
