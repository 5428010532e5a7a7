using Microsoft.CodeAnalysis;

namespace DeepNet.Gen;

/// <summary>Every diagnostic the generator reports. Ids are stable; each is listed in AnalyzerReleases and the README.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "DeepNet.Gen";
    private const string HelpLink = "https://github.com/deepnet-gen/deepnet-gen#diagnostics";

    public static readonly DiagnosticDescriptor TooFewLayerSizes = Create(
        "DNG001",
        "A network needs at least two layer sizes",
        "[Network] on '{0}' has {1} layer size(s); at least two are expected: n0 (inputs) … nL (outputs), for example [Network(5, 4, 1)]");

    public static readonly DiagnosticDescriptor NonPositiveLayerSize = Create(
        "DNG002",
        "Layer sizes must be positive",
        "Layer size n{0} is {1}; every layer size must be at least 1");

    public static readonly DiagnosticDescriptor UnknownActivation = Create(
        "DNG003",
        "Unknown activation",
        "'{0}' is not a known activation for {1}; expected one of: {2}");

    public static readonly DiagnosticDescriptor UnsupportedOutputActivation = Create(
        "DNG004",
        "Unsupported output activation",
        "Output activation '{0}' is not supported; expected one of: {1} (the output activation also fixes the cost)");

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "DNG005",
        "A network type must be partial",
        "'{0}' must be declared partial so that [Network] can add the generated members");

    public static readonly DiagnosticDescriptor StaticClass = Create(
        "DNG006",
        "A network type must not be static",
        "'{0}' is static; a network holds its parameters in instance members, so declare it as a non-static partial class");

    public static readonly DiagnosticDescriptor GenericType = Create(
        "DNG007",
        "A network type must not be generic",
        "'{0}' is generic or nested in a generic type; a network's shapes and element type are fixed at compile time, so declare it as a non-generic class");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        "DNG008",
        "Types containing a network must be partial",
        "'{0}' is nested in '{1}', which must be declared partial too");

    public static readonly DiagnosticDescriptor FileLocalType = Create(
        "DNG009",
        "A network type must not be file-local",
        "'{0}' is file-local (or nested in a file-local type); generated members live in another file, so remove the 'file' modifier");

    public static readonly DiagnosticDescriptor MemberNameClash = Create(
        "DNG010",
        "A member name clashes with a generated member",
        "'{0}' declares '{1}', which the generated network defines ({2}); rename or remove it");

    public static readonly DiagnosticDescriptor TooManyParameters = Create(
        "DNG011",
        "Too many parameters",
        "The network has {0} parameters; one array holds at most {1}, so use smaller layers");

    public static readonly DiagnosticDescriptor UnknownPrecision = Create(
        "DNG012",
        "Unknown precision",
        "'{0}' is not a known precision; expected 'double' or 'float'");

    public static readonly DiagnosticDescriptor ActivationCountMismatch = Create(
        "DNG013",
        "One activation per layer",
        "Activations lists {0} name(s); the network has L = {1} layers, so one name per layer 1 … L is expected");

    public static readonly DiagnosticDescriptor SoftmaxNotOutput = Create(
        "DNG014",
        "Softmax is an output activation",
        "'softmax' cannot be used for {0}; it turns the output layer's units into class probabilities, so use it only for the last layer");

    public static readonly DiagnosticDescriptor SoftmaxNeedsTwoOutputs = Create(
        "DNG015",
        "Softmax needs at least two outputs",
        "A softmax output needs at least two units (one probability per class); found nL = {0}. For two classes with one output, use 'sigmoid'.");

    private static DiagnosticDescriptor Create(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink + "-" + id.ToLowerInvariant(), customTags: WellKnownDiagnosticTags.NotConfigurable);
}
