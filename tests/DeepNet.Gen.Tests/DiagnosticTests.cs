using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepNet.Gen.Tests;

/// <summary>
/// One or more cases per diagnostic id: the id, severity and exact location (the marked span), and a message that says
/// what was found and what was expected.
/// </summary>
public sealed class DiagnosticTests
{
    private const string ValidActivations = "relu, leaky_relu, tanh, sigmoid, linear";

    // DNG001: fewer than two layer sizes.

    [Fact]
    public void OneLayerSizeIsReportedOnTheArgument()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network({|DNG001:5|})]
            public partial class Net { }
            """);

        Assert.Equal("[Network] on 'Net' has 1 layer size(s); at least two are expected: n0 (inputs) … nL (outputs), for example [Network(5, 4, 1)]", message);
    }

    [Fact]
    public void NullLayerSizesAreReportedOnTheArgument()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network({|DNG001:null|})]
            public partial class Net { }
            """);

        Assert.Equal("[Network] on 'Net' has 0 layer size(s); at least two are expected: n0 (inputs) … nL (outputs), for example [Network(5, 4, 1)]", message);
    }

    [Theory]
    [InlineData("[{|DNG001:DeepNet.Network|}]")]
    [InlineData("[{|DNG001:DeepNet.Network()|}]")]
    [InlineData("[DeepNet.Network({|DNG001:new int[] { 7 }|})]")]
    public void MissingLayerSizesAreReportedOnTheAttributeOrItsArgument(string attribute)
    {
        string message = DiagnosticAssert.ReportsOne(attribute + "\npublic partial class Net { }");

        Assert.StartsWith("[Network] on 'Net' has ", message);
        Assert.Contains("at least two are expected", message);
    }

    // DNG002: a layer size that is zero or negative.

    [Fact]
    public void ZeroLayerSizeIsReportedOnItsArgument()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(5, {|DNG002:0|}, 1)]
            public partial class Net { }
            """);

        Assert.Equal("Layer size n1 is 0; every layer size must be at least 1", message);
    }

    [Fact]
    public void NegativeLayerSizeIsReportedOnItsArgument()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(5, 4, {|DNG002:-3|})]
            public partial class Net { }
            """);

        Assert.Equal("Layer size n2 is -3; every layer size must be at least 1", message);
    }

    [Fact]
    public void EveryNonPositiveLayerSizeIsReported()
    {
        ImmutableArray<Diagnostic> diagnostics = DiagnosticAssert.Reports("""
            [DeepNet.Network({|DNG002:0|}, 4, {|DNG002:-1|})]
            public partial class Net { }
            """);

        Assert.Equal(
            new[] { "Layer size n0 is 0; every layer size must be at least 1", "Layer size n2 is -1; every layer size must be at least 1" },
            diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NonPositiveLayerSizeInAnArrayIsReportedOnTheArray()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network({|DNG002:new[] { 5, 0, 1 }|})]
            public partial class Net { }
            """);

        Assert.Equal("Layer size n1 is 0; every layer size must be at least 1", message);
    }

    // DNG003: an activation name the generator does not know.

    [Fact]
    public void UnknownHiddenActivationListsTheValidNames()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(2, 4, 1, {|DNG003:Hidden = "swish"|})]
            public partial class Net { }
            """);

        Assert.Equal($"'swish' is not a known activation for hidden layers; expected one of: {ValidActivations}", message);
    }

    [Fact]
    public void NullHiddenActivationIsReported()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(2, 4, 1, {|DNG003:Hidden = null|})]
            public partial class Net { }
            """);

        Assert.Equal($"'null' is not a known activation for hidden layers; expected one of: {ValidActivations}", message);
    }

    [Fact]
    public void UnknownOutputActivationListsTheSupportedOutputs()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(2, 4, 1, {|DNG003:Output = "softplus"|})]
            public partial class Net { }
            """);

        Assert.Equal("'softplus' is not a known activation for the output layer; expected one of: sigmoid, softmax, linear", message);
    }

    // DNG004: a known activation that cannot be the output layer's.

    [Theory]
    [InlineData("relu")]
    [InlineData("tanh")]
    [InlineData("LEAKY_RELU")]
    public void KnownButUnsupportedOutputActivationIsReported(string output)
    {
        string message = DiagnosticAssert.ReportsOne($$"""
            [DeepNet.Network(2, 4, 1, {|DNG004:Output = "{{output}}"|})]
            public partial class Net { }
            """);

        Assert.Equal($"Output activation '{output}' is not supported; expected one of: sigmoid, softmax, linear (the output activation also fixes the cost)", message);
    }

    // DNG013 … DNG015: per-layer activations and softmax.

    [Fact]
    public void ActivationsOfTheWrongCountAreReportedAtTheArgument()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(4, 3, 2, 1, {|DNG013:Activations = new[] { "relu", "sigmoid" }|})]
            public partial class Net { }
            """);

        Assert.Equal("Activations lists 2 name(s); the network has L = 3 layers, so one name per layer 1 … L is expected", message);
    }

    [Fact]
    public void EachPerLayerActivationIsCheckedAtItsElement()
    {
        DiagnosticAssert.Reports("""
            [DeepNet.Network(4, 3, 2, 1, Activations = new[] { {|DNG003:"rleu"|}, {|DNG014:"softmax"|}, {|DNG004:"tanh"|} })]
            public partial class Net { }
            """);
    }

    [Fact]
    public void SoftmaxAsHiddenActivationIsReported()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(4, 3, 2, {|DNG014:Hidden = "softmax"|}, Output = "softmax")]
            public partial class Net { }
            """);

        Assert.Equal("'softmax' cannot be used for hidden layers; it turns the output layer's units into class probabilities, so use it only for the last layer", message);
    }

    [Fact]
    public void SoftmaxWithOneOutputIsReported()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(4, 3, 1, {|DNG015:Output = "softmax"|})]
            public partial class Net { }
            """);

        Assert.Equal("A softmax output needs at least two units (one probability per class); found nL = 1. For two classes with one output, use 'sigmoid'.", message);
    }

    // DNG005 … DNG009: the shape of the network type.

    [Fact]
    public void NonPartialClassIsReportedOnItsName()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(2, 1)]
            public class {|DNG005:Net|} { }
            """);

        Assert.Equal("'Net' must be declared partial so that [Network] can add the generated members", message);
    }

    [Fact]
    public void StaticClassIsReportedOnItsName()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(2, 1)]
            public static partial class {|DNG006:Net|} { }
            """);

        Assert.Equal("'Net' is static; a network holds its parameters in instance members, so declare it as a non-static partial class", message);
    }

    [Fact]
    public void GenericClassIsReportedOnItsName()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(2, 1)]
            public partial class {|DNG007:Net|}<T> { }
            """);

        Assert.Equal("'Net' is generic or nested in a generic type; a network's shapes and element type are fixed at compile time, so declare it as a non-generic class", message);
    }

    [Fact]
    public void ClassNestedInAGenericClassIsReported()
    {
        DiagnosticAssert.ReportsOne("""
            public partial class Outer<T>
            {
                [DeepNet.Network(2, 1)]
                public partial class {|DNG007:Net|} { }
            }
            """);
    }

    [Fact]
    public void ClassNestedInANonPartialClassIsReportedPerContainer()
    {
        ImmutableArray<Diagnostic> diagnostics = DiagnosticAssert.Reports("""
            public class Outer
            {
                public partial class Middle
                {
                    internal class Inner
                    {
                        [DeepNet.Network(2, 1)]
                        public partial class {|DNG008:{|DNG008:Net|}|} { }
                    }
                }
            }
            """);

        Assert.Equal(
            new[] { "'Net' is nested in 'Inner', which must be declared partial too", "'Net' is nested in 'Outer', which must be declared partial too" },
            diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, System.StringComparer.Ordinal));
    }

    [Fact]
    public void FileLocalClassIsReportedOnItsName()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(2, 1)]
            file partial class {|DNG009:Net|} { }
            """);

        Assert.Equal("'Net' is file-local (or nested in a file-local type); generated members live in another file, so remove the 'file' modifier", message);
    }

    [Fact]
    public void ClassNestedInAFileLocalClassIsReported()
    {
        DiagnosticAssert.ReportsOne("""
            file partial class Outer
            {
                [DeepNet.Network(2, 1)]
                public partial class {|DNG009:Net|} { }
            }
            """);
    }

    // DNG010: a user member whose name the generated code defines.

    [Fact]
    public void FieldNamedLikeAWeightIsReportedOnTheField()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(3, 2, 1)]
            public partial class Net
            {
                public double[] {|DNG010:W1|} = new double[6];
            }
            """);

        Assert.Equal("'Net' declares 'W1', which the generated network defines (the weights of layer 1); rename or remove it", message);
    }

    [Fact]
    public void MethodNamedForwardIsReportedOnTheMethod()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(3, 2, 1)]
            public partial class Net
            {
                public void {|DNG010:Forward|}() { }
            }
            """);

        Assert.Equal("'Net' declares 'Forward', which the generated network defines (a generated member); rename or remove it", message);
    }

    [Fact]
    public void ClashingMemberInAnotherPartialDeclarationIsReportedInItsFile()
    {
        string message = Assert.Single(DiagnosticAssert.Reports(
            """
            [DeepNet.Network(3, 2, 1)]
            public partial class Net { }
            """,
            """
            public partial class Net
            {
                public int {|DNG010:N2|} => 1;
            }
            """)).GetMessage(CultureInfo.InvariantCulture);

        Assert.Equal("'Net' declares 'N2', which the generated network defines (the size of layer 2); rename or remove it", message);
    }

    [Fact]
    public void OutputTypeNameClashesOnlyWithSeveralOutputs()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(3, 2)]
            public partial class Net
            {
                public struct {|DNG010:Output|} { }
            }
            """);
        Assert.Equal("'Net' declares 'Output', which the generated network defines (the fixed-size output type); rename or remove it", message);

        GeneratorRunAssert.NoGeneratorDiagnostics("""
            [DeepNet.Network(3, 1)]
            public partial class Net
            {
                public struct Output { }
            }
            """);
    }

    // DNG011: more parameters than one array can hold.

    [Fact]
    public void TooManyParametersIsReportedOnTheAttribute()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [{|DNG011:DeepNet.Network(100000, 100000, 1)|}]
            public partial class Net { }
            """);

        Assert.StartsWith("The network has ", message);
        Assert.EndsWith(" parameters; one array holds at most 2,147,483,591, so use smaller layers", message);
    }

    [Fact]
    public void TooManyParametersNamesTheParameterCount()
    {
        // 1·50,000 + 50,000 + 50,000·50,000 + 50,000 = 2,500,150,000.
        string message = DiagnosticAssert.ReportsOne("""
            [{|DNG011:DeepNet.Network(1, 50000, 50000)|}]
            public partial class Net { }
            """);

        Assert.Equal("The network has 2,500,150,000 parameters; one array holds at most 2,147,483,591, so use smaller layers", message);
    }

    [Fact]
    public void ParameterCountAtTheArrayLimitIsAccepted()
    {
        // n0 + 1 = 2,147,483,591 parameters: exactly Array.MaxLength.
        GeneratorRunAssert.NoGeneratorDiagnostics("""
            [DeepNet.Network(2147483590, 1)]
            public partial class Net { }
            """);

        string message = DiagnosticAssert.ReportsOne("""
            [{|DNG011:DeepNet.Network(2147483591, 1)|}]
            public partial class Net { }
            """);
        Assert.Equal("The network has 2,147,483,592 parameters; one array holds at most 2,147,483,591, so use smaller layers", message);
    }

    // DNG012: an unknown precision.

    [Fact]
    public void UnknownPrecisionIsReportedOnTheArgument()
    {
        string message = DiagnosticAssert.ReportsOne("""
            [DeepNet.Network(2, 1, {|DNG012:Precision = "half"|})]
            public partial class Net { }
            """);

        Assert.Equal("'half' is not a known precision; expected 'double' or 'float'", message);
    }

    // Several problems at once.

    [Fact]
    public void EveryProblemOfOneNetworkIsReportedTogether()
    {
        DiagnosticAssert.Reports("""
            [DeepNet.Network(2, {|DNG002:0|}, 1, {|DNG003:Hidden = "gelu"|}, {|DNG012:Precision = "decimal"|})]
            public class {|DNG005:{|DNG007:Net|}|}<T> { }
            """);
    }

    [Fact]
    public void EachNetworkReportsOnlyItsOwnProblems()
    {
        DiagnosticAssert.Reports(
            """
            [DeepNet.Network({|DNG001:4|})]
            public partial class First { }
            """,
            """
            [DeepNet.Network(4, 1, {|DNG004:Output = "relu"|})]
            public partial class Second { }
            """);
    }
}
