using System;
using System.CodeDom.Compiler;
using System.Globalization;
using System.IO;
using System.Linq;
using DeepNet.Gen.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepNet.Gen;

public sealed partial class NetworkGenerator
{
    /// <summary>
    /// Writes the source of one network from its <see cref="NetworkSpec"/>. For most networks the text grows with the
    /// number of layers, never with the number of weights: the arithmetic lives in DeepNet's kernels, called with this
    /// network's constant shapes. Small networks are unrolled instead (NetworkGenerator.Emitter.Unrolled.cs). Every
    /// block carries the lecture's equation with its shapes.
    /// </summary>
    internal static partial class Emitter
    {
        private const string Kernels = "global::DeepNet.Kernels.";
        private const string Span = "global::System.Span";
        private const string ReadOnlySpan = "global::System.ReadOnlySpan";

        /// <summary>Above this many values the per-call activations of <c>Predict</c> come from the array pool rather than the stack.</summary>
        private const int MaxStackValues = 1024;

        /// <summary>The largest fixed-size <c>Input</c> or <c>Output</c> value generated, in bytes.</summary>
        private const int MaxFixedSizeBytes = 16 * 1024;

        /// <summary>Inputs up to this size also get a constructor taking one argument per feature.</summary>
        private const int MaxInputConstructorArity = 16;

        private static readonly string GeneratorVersion = typeof(NetworkGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

        public static string Emit(NetworkSpec spec)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using var writer = new IndentedTextWriter(text, "    ");
            new NetworkWriter(spec, writer).Write();
            writer.Flush();
            return text.ToString();
        }

        /// <summary>The state of writing one network: its spec, shorthand names and the writer.</summary>
        private sealed partial class NetworkWriter
        {
            private readonly NetworkSpec _spec;
            private readonly IndentedTextWriter _w;
            private readonly string _t;
            private readonly int _layers;
            private readonly int _outputSize;

            public NetworkWriter(NetworkSpec spec, IndentedTextWriter writer)
            {
                _spec = spec;
                _w = writer;
                _t = spec.ElementType;
                _layers = spec.LayerCount;
                _outputSize = spec.LayerSizes[spec.LayerCount];
            }

            private int N(int layer) => _spec.LayerSizes[layer];

            /// <summary>
            /// The fixed-size <c>Input</c> (and <c>Output</c>) types need C# 12 inline arrays, and are a value on the
            /// stack: above <see cref="MaxFixedSizeBytes"/> (an image, say) only the span overloads are generated.
            /// </summary>
            private bool HasInputType =>
                _spec.SupportsInlineArrays && (long)Math.Max(N(0), _outputSize) * (_t == "float" ? 4 : 8) <= MaxFixedSizeBytes;

            private ActivationKind G(int layer) => _spec.Activations[layer - 1];

            private string Literal(double value)
            {
                string text = value.ToString("R", CultureInfo.InvariantCulture);
                if (text.IndexOf('.') < 0 && text.IndexOf('E') < 0)
                    text += ".0";
                return _t == "float" ? text + "f" : text;
            }

            private string Quoted(string value) => "\"" + value + "\"";

            public void Write()
            {
                WriteHeader();
                if (_spec.Namespace.Length > 0)
                {
                    _w.WriteLine($"namespace {_spec.Namespace}");
                    Open();
                }
                foreach (ContainingTypeSpec container in _spec.ContainingTypes)
                {
                    _w.WriteLine($"partial {container.Keyword} {Identifier(container.Name)}");
                    Open();
                }

                WriteTypeDoc();
                _w.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"DeepNet.Gen\", \"{GeneratorVersion}\")]");
                _w.WriteLine($"partial {_spec.Keyword} {Identifier(_spec.TypeName)} : global::DeepNet.INetwork<{_t}>");
                Open();
                WriteConstants();
                WriteParameters();
                WriteInitialization();
                WriteCacheType();
                WriteGradientsType();
                if (HasInputType)
                    WriteFixedSizeTypes();
                WriteForward();
                WriteCost();
                WriteBackward();
                WriteUpdate();
                WriteTrainingStep();
                WritePredict();
                WriteInterfaceImplementation();
                Close();

                for (int i = 0; i < _spec.ContainingTypes.Count; i++)
                    Close();
                if (_spec.Namespace.Length > 0)
                    Close();
            }

            private void Open()
            {
                _w.WriteLine("{");
                _w.Indent++;
            }

            private void Close()
            {
                _w.Indent--;
                _w.WriteLine("}");
            }

            private void Line(string text = "")
            {
                if (text.Length == 0)
                    _w.WriteLineNoTabs("");
                else
                    _w.WriteLine(text);
            }

            /// <summary>An XML doc summary, wrapped at word boundaries so that no line runs past about 120 characters.</summary>
            private void Doc(string summary)
            {
                const int width = 110;
                if (summary.Length <= width)
                {
                    _w.WriteLine($"/// <summary>{summary}</summary>");
                    return;
                }
                _w.WriteLine("/// <summary>");
                int start = 0;
                while (start < summary.Length)
                {
                    int end = summary.Length - start <= width ? summary.Length : summary.LastIndexOf(' ', start + width);
                    if (end <= start)
                        end = summary.Length;
                    _w.WriteLine($"/// {summary.Substring(start, end - start).Trim()}");
                    start = end + 1;
                }
                _w.WriteLine("/// </summary>");
            }

            private string Shape(int rows, string columns) => $"({rows}×{columns})";

            private string Shape(int rows, int columns) => $"({rows}×{columns})";

            private string Architecture() =>
                $"{string.Join("-", _spec.LayerSizes)} ({string.Join(", ", _spec.Activations.Select(Parser.NameOf))})";

            private void WriteHeader()
            {
                Line("// <auto-generated/>");
                Line($"// Generated by DeepNet.Gen from {_spec.AttributeText} on {_spec.TypeName}.");
                Line("// The lecture's dense network, \"Forward and Backward Propagation\" (deeplearning.ai Course 1, Week 4):");
                Line("// matrices are row-major with one example per column, so Z[l] and A[l] are n[l] × m.");
                Line("#nullable enable");
                Line();
            }

            private void WriteTypeDoc()
            {
                Doc($"A {Architecture()} dense network in {_t}, generated by DeepNet.Gen.");
            }

            private void WriteConstants()
            {
                Doc("n0: features per example.");
                Line($"public const int InputSize = {N(0)};");
                Doc("nL: outputs per example.");
                Line($"public const int OutputSize = {N(_layers)};");
                Doc("L: layers with parameters (the input layer is not counted).");
                Line($"public const int LayerCount = {_layers};");
                Doc("Number of weights and biases in all layers.");
                Line($"public const int ParameterCount = {ParameterOffset(_layers + 1)};");
                for (int l = 0; l <= _layers; l++)
                {
                    Doc(l == 0 ? "n[0]: size of the input layer." : $"n[{l}]: units in layer {l}.");
                    Line($"public const int N{l} = {N(l)};");
                }
                Line();
                Line($"private static readonly global::DeepNet.NetworkArchitecture {GeneratedNames.ArchitectureField} = new global::DeepNet.NetworkArchitecture(");
                _w.Indent++;
                Line($"new int[] {{ {string.Join(", ", _spec.LayerSizes)} }},");
                Line($"new global::DeepNet.Activation[] {{ {string.Join(", ", _spec.Activations.Select(a => "global::DeepNet.Activation." + a))} }},");
                Line($"typeof({_t}));");
                _w.Indent--;
                Line();
                Doc("Layer sizes, activations and precision.");
                Line($"public global::DeepNet.NetworkArchitecture Architecture => {GeneratedNames.ArchitectureField};");
                Line();
            }

            /// <summary>Offset of W[l] in the flat parameter layout W1, b1, W2, b2, …; l = L + 1 gives the total.</summary>
            private int ParameterOffset(int layer)
            {
                int offset = 0;
                for (int l = 1; l < layer; l++)
                    offset += N(l) * N(l - 1) + N(l);
                return offset;
            }

            private int BiasOffset(int layer) => ParameterOffset(layer) + N(layer) * N(layer - 1);

            private void WriteParameters()
            {
                Line($"private readonly {_t}[] {GeneratedNames.ParametersField} = new {_t}[ParameterCount];");
                Line();
                Doc("All parameters W1, b1, W2, b2, … in one span, in that order; writable in place.");
                Line($"public {Span}<{_t}> Parameters => {GeneratedNames.ParametersField};");
                for (int l = 1; l <= _layers; l++)
                {
                    Line();
                    Doc($"W[{l}]: {N(l)} × {N(l - 1)} weights of layer {l}, row-major (W{l}[i * {N(l - 1)} + k] is W[{l}][i, k]); writable in place.");
                    Line($"public {Span}<{_t}> W{l} => new {Span}<{_t}>({GeneratedNames.ParametersField}, {ParameterOffset(l)}, {N(l) * N(l - 1)});");
                    Doc($"b[{l}]: {N(l)} × 1 biases of layer {l}; writable in place.");
                    Line($"public {Span}<{_t}> b{l} => new {Span}<{_t}>({GeneratedNames.ParametersField}, {BiasOffset(l)}, {N(l)});");
                }
                Line();
            }

            private void WriteInitialization()
            {
                Doc("He initialisation (randn · √(2/n[l−1])) for relu and leaky_relu layers, Xavier (randn · √(1/n[l−1])) for the others, biases zero; deterministic for a seed.");
                Line("public void InitializeParameters(int seed) =>");
                Line($"    global::DeepNet.ParameterInitializer.Initialize(this, seed, global::DeepNet.ParameterInitialization.HeXavier);");
                Line();
                Doc("Draws W1, W2, … in order from one numpy-compatible stream seeded with <paramref name=\"seed\"/>, scaled as <paramref name=\"scheme\"/> says; biases zero.");
                Line("public void InitializeParameters(int seed, global::DeepNet.ParameterInitialization scheme) =>");
                Line($"    global::DeepNet.ParameterInitializer.Initialize(this, seed, scheme);");
                Line();
            }

            private void WriteCacheType()
            {
                Doc("The forward and backward caches for m examples: Z[l], A[l], dZ[l] and dA[l], each n[l] × m (A[0] is X; dA[0] is never computed). One per thread.");
                Line($"public sealed class Cache : global::DeepNet.NetworkCache<{_t}>");
                Open();
                Doc("Allocates the caches for <paramref name=\"m\"/> examples (columns).");
                Line($"public Cache(int m) : base({GeneratedNames.ArchitectureField}, m) {{ }}");
                for (int l = 1; l <= _layers; l++)
                {
                    Line();
                    Doc($"Z[{l}] = W[{l}]·A[{l - 1}] + b[{l}]: {N(l)} × m.");
                    Line($"public {Span}<{_t}> Z{l} => Z({l});");
                    Doc($"A[{l}] = {Parser.NameOf(G(l))}(Z[{l}]): {N(l)} × m.");
                    Line($"public {Span}<{_t}> A{l} => A({l});");
                    Doc($"dZ[{l}] = dA[{l}] * g'(Z[{l}]): {N(l)} × m, after Backward.");
                    Line($"public {Span}<{_t}> dZ{l} => dZ({l});");
                    Doc(l < _layers ? $"dA[{l}] = W[{l + 1}]ᵀ·dZ[{l + 1}]: {N(l)} × m, after Backward."
                        : G(l) == ActivationKind.Softmax ? $"dA[{l}]: not computed for a softmax output, whose backward pass starts at dZ[{l}] = A[{l}] − Y."
                        : G(l) == ActivationKind.Linear ? $"dA[{l}] = A[{l}] − Y: {N(l)} × m, after Backward."
                        : $"dA[{l}] = −(Y/A[{l}] − (1 − Y)/(1 − A[{l}])): {N(l)} × m, after Backward.");
                    Line($"public {Span}<{_t}> dA{l} => dA({l});");
                }
                Close();
                Line();
            }

            private void WriteGradientsType()
            {
                Doc("dW[l] and db[l] in the parameters' shapes and layout (dW1, db1, dW2, db2, …).");
                Line($"public sealed class Gradients : global::DeepNet.NetworkGradients<{_t}>");
                Open();
                Doc("Allocates zeroed gradients.");
                Line($"public Gradients() : base({GeneratedNames.ArchitectureField}) {{ }}");
                for (int l = 1; l <= _layers; l++)
                {
                    Line();
                    Doc($"dW[{l}] = 1/m dZ[{l}]·A[{l - 1}]ᵀ: {N(l)} × {N(l - 1)}.");
                    Line($"public {Span}<{_t}> dW{l} => Values.Slice({ParameterOffset(l)}, {N(l) * N(l - 1)});");
                    Doc($"db[{l}] = 1/m Σ dZ[{l}] over examples: {N(l)} × 1.");
                    Line($"public {Span}<{_t}> db{l} => Values.Slice({BiasOffset(l)}, {N(l)});");
                }
                Close();
                Line();
            }

            private void WriteFixedSizeTypes()
            {
                Doc($"One example's {N(0)} input features, fixed in length: a constant index outside 0 … {N(0) - 1} does not compile.");
                Line("[global::System.Runtime.CompilerServices.InlineArray(InputSize)]");
                Line("public struct Input");
                Open();
                Line($"private {_t} _feature0;");
                if (N(0) <= MaxInputConstructorArity)
                {
                    Line();
                    string parameters = string.Join(", ", Enumerable.Range(0, N(0)).Select(i => $"{_t} x{i}"));
                    Doc($"An example from its {N(0)} features x0 … x{N(0) - 1}.");
                    Line($"public Input({parameters})");
                    Open();
                    Line("this = default;");
                    for (int i = 0; i < N(0); i++)
                        Line($"this[{i}] = x{i};");
                    Close();
                }
                Close();
                Line();
                if (_outputSize > 1)
                {
                    Doc($"One example's {_outputSize} outputs A[{_layers}].");
                    Line("[global::System.Runtime.CompilerServices.InlineArray(OutputSize)]");
                    Line("public struct Output");
                    Open();
                    Line($"private {_t} _output0;");
                    Close();
                    Line();
                }
            }

            private void WriteForward()
            {
                Doc("Forward propagation for m = <paramref name=\"cache\"/>.ExampleCount examples: Z[l] = W[l]·A[l−1] + b[l] and A[l] = g(Z[l]) for l = 1 … L, with A[0] = X (n0 × m).");
                Line($"public void Forward({ReadOnlySpan}<{_t}> X, Cache cache) => ForwardCore(X, cache);");
                Line();
                Line($"private void ForwardCore({ReadOnlySpan}<{_t}> X, global::DeepNet.NetworkCache<{_t}> cache)");
                Open();
                Line($"{Kernels}ShapeChecks.SameArchitecture(cache?.Architecture, {GeneratedNames.ArchitectureField}, nameof(cache), {Quoted(_spec.TypeName)});");
                Line("int m = cache!.ExampleCount;");
                Line($"{Kernels}ShapeChecks.Matrix(X.Length, N0, m, nameof(X), \"n0 × m\", {Quoted(_spec.TypeName)});");
                if (IsUnrolled)
                    WriteUnrolledForward();
                else
                    WriteForwardByLayers();
                Close();
                Line();
            }

            /// <summary>Forward as one kernel call per layer and operation, with the dropout hooks after each hidden layer.</summary>
            private void WriteForwardByLayers()
            {
                for (int l = 1; l <= _layers; l++)
                {
                    string input = l == 1 ? "X" : $"cache.A({l - 1})";
                    string inputName = l == 1 ? "X" : $"A{l - 1}";
                    Line();
                    Line($"// Z{l} = W{l}·{inputName} + b{l}   {Shape(N(l), N(l - 1))}·{Shape(N(l - 1), "m")} + {Shape(N(l), 1)}");
                    Line($"{Kernels}DenseKernels.LinearForward<{_t}>({This}W{l}, {This}b{l}, {input}, cache.Z({l}), N{l}, N{l - 1}, m);");
                    Line($"// A{l} = {Parser.NameOf(G(l))}(Z{l})   {Shape(N(l), "m")}");
                    Line(ActivationCall(l, $"cache.Z({l})", $"cache.A({l})", "m"));
                    if (l < _layers)
                    {
                        Line($"// A{l} = A{l} * D{l} / keepProb, only while training with dropout");
                        Line($"cache.ApplyDropout({l});");
                    }
                }
            }

            private void WriteCost()
            {
                Doc($"{CostFormula} of the last Forward, with labels Y ({_outputSize} × m).");
                Line($"public {_t} ComputeCost(Cache cache, {ReadOnlySpan}<{_t}> Y) => ComputeCostCore(cache, Y);");
                Line();
                Line($"private {_t} ComputeCostCore(global::DeepNet.NetworkCache<{_t}> cache, {ReadOnlySpan}<{_t}> Y)");
                Open();
                Line($"{Kernels}ShapeChecks.SameArchitecture(cache?.Architecture, {GeneratedNames.ArchitectureField}, nameof(cache), {Quoted(_spec.TypeName)});");
                Line("int m = cache!.ExampleCount;");
                Line($"{Kernels}ShapeChecks.Matrix(Y.Length, N{_layers}, m, nameof(Y), \"n{_layers} × m\", {Quoted(_spec.TypeName)});");
                Line();
                if (IsUnrolled)
                    WriteUnrolledCost();
                else
                    WriteCostByKernel();
                Close();
                Line();
            }

            /// <summary>The cost as one kernel call over the whole nL × m output.</summary>
            private void WriteCostByKernel()
            {
                switch (G(_layers))
                {
                    case ActivationKind.Softmax:
                        Line($"// J = −1/m Σ Y log A{_layers}, with log A{_layers} = Z{_layers} − log Σ e^Z{_layers} per column (log-sum-exp)   {Shape(N(_layers), "m")}");
                        Line($"return {Kernels}CostKernels.CategoricalCrossEntropy<{_t}>(cache.Z({_layers}), Y, N{_layers}, m);");
                        break;
                    case ActivationKind.Linear:
                        Line($"// J = 1/(2m) Σ (A{_layers} − Y)²   {Shape(N(_layers), "m")}");
                        Line($"return {Kernels}CostKernels.MeanSquaredError<{_t}>(cache.A({_layers}), Y, m);");
                        break;
                    default:
                        Line($"// J = −1/m Σ [Y log A{_layers} + (1 − Y) log(1 − A{_layers})]   {Shape(N(_layers), "m")}");
                        Line($"return {Kernels}CostKernels.BinaryCrossEntropy<{_t}>(cache.A({_layers}), Y, m);");
                        break;
                }
            }

            private void WriteBackward()
            {
                Doc("Backward propagation after Forward on the same X: dA[L] from A[L] and Y, then for l = L … 1: dZ[l] = dA[l] * g'(Z[l]), dW[l] = 1/m dZ[l]·A[l−1]ᵀ, db[l] = 1/m Σ dZ[l], and dA[l−1] = W[l]ᵀ·dZ[l] down to dA[1] (dA[0] is never computed).");
                Line($"public void Backward({ReadOnlySpan}<{_t}> X, {ReadOnlySpan}<{_t}> Y, Cache cache, Gradients grads) => BackwardCore(X, Y, cache, grads);");
                Line();
                Line($"private void BackwardCore({ReadOnlySpan}<{_t}> X, {ReadOnlySpan}<{_t}> Y, global::DeepNet.NetworkCache<{_t}> cache, global::DeepNet.NetworkGradients<{_t}> grads)");
                Open();
                WriteBackwardChecks();
                if (IsUnrolled)
                    WriteUnrolledBackward();
                else
                    WriteBackwardByLayers();
                Close();
                Line();
            }

            /// <summary>The checks of Backward and TrainingStep: cache and gradients made for this architecture, X n0 × m, Y nL × m.</summary>
            private void WriteBackwardChecks()
            {
                Line($"{Kernels}ShapeChecks.SameArchitecture(cache?.Architecture, {GeneratedNames.ArchitectureField}, nameof(cache), {Quoted(_spec.TypeName)});");
                Line($"{Kernels}ShapeChecks.SameArchitecture(grads?.Architecture, {GeneratedNames.ArchitectureField}, nameof(grads), {Quoted(_spec.TypeName)});");
                Line("int m = cache!.ExampleCount;");
                Line($"{Kernels}ShapeChecks.Matrix(X.Length, N0, m, nameof(X), \"n0 × m\", {Quoted(_spec.TypeName)});");
                Line($"{Kernels}ShapeChecks.Matrix(Y.Length, N{_layers}, m, nameof(Y), \"n{_layers} × m\", {Quoted(_spec.TypeName)});");
            }

            /// <summary>Backward as one kernel call per layer and operation, with the dropout hooks before each hidden layer.</summary>
            private void WriteBackwardByLayers()
            {
                Line($"{_t} oneOverM = {Literal(1.0)} / m;");
                Line($"{Span}<{_t}> g = grads!.Values;");
                Line();
                WriteOutputGradient();
                for (int l = _layers; l >= 1; l--)
                {
                    string input = l == 1 ? "X" : $"cache.A({l - 1})";
                    string inputName = l == 1 ? "X" : $"A{l - 1}";
                    Line();
                    if (G(l) != ActivationKind.Softmax)
                    {
                        Line($"// dZ{l} = dA{l} * {Parser.NameOf(G(l))}'(Z{l})   {Shape(N(l), "m")}");
                        Line($"{Kernels}ActivationKernels.{KernelName(G(l))}Backward<{_t}>(cache.dA({l}), cache.Z({l}), cache.dZ({l}));");
                    }
                    Line($"// dW{l} = 1/m dZ{l}·{inputName}ᵀ   {Shape(N(l), "m")}·{Shape("m", N(l - 1))}");
                    Line($"{Kernels}DenseKernels.WeightGradient<{_t}>(cache.dZ({l}), {input}, g.Slice({ParameterOffset(l)}, {N(l) * N(l - 1)}), N{l}, N{l - 1}, m, oneOverM);");
                    Line($"// db{l} = 1/m Σ dZ{l} over the m examples   {Shape(N(l), 1)}");
                    Line($"{Kernels}DenseKernels.BiasGradient<{_t}>(cache.dZ({l}), g.Slice({BiasOffset(l)}, {N(l)}), N{l}, m, oneOverM);");
                    if (l > 1)
                    {
                        Line($"// dA{l - 1} = W{l}ᵀ·dZ{l}   {Shape(N(l - 1), N(l))}·{Shape(N(l), "m")}");
                        Line($"{Kernels}DenseKernels.InputGradient<{_t}>({This}W{l}, cache.dZ({l}), cache.dA({l - 1}), N{l}, N{l - 1}, m);");
                        Line($"// dA{l - 1} = dA{l - 1} * D{l - 1} / keepProb, only while training with dropout");
                        Line($"cache.ApplyDropoutGradient({l - 1});");
                    }
                    else
                    {
                        Line("// dA0 = W1ᵀ·dZ1 is never computed: X has no parameters.");
                    }
                }
            }

            private static string Shape(string rows, int columns) => $"({rows}×{columns})";

            /// <summary>What a single output is: a probability for sigmoid, a value for a linear (regression) output.</summary>
            private string OutputNoun => G(_layers) == ActivationKind.Sigmoid ? "probability" : "value";

            /// <summary>The cost's formula in the lecture's notation, fixed by the output activation.</summary>
            private string CostFormula => G(_layers) switch
            {
                ActivationKind.Softmax => $"The categorical cross-entropy cost J = −1/m Σ Y log A{_layers}",
                ActivationKind.Linear => $"The mean squared error cost J = 1/(2m) Σ (A{_layers} − Y)²",
                _ => $"The cross-entropy cost J = −1/m Σ [Y log A{_layers} + (1 − Y) log(1 − A{_layers})]",
            };

            /// <summary>The start of backward propagation: the cost's derivative at the output, fixed by the output activation.</summary>
            private void WriteOutputGradient()
            {
                int L = _layers;
                switch (G(L))
                {
                    case ActivationKind.Softmax:
                        Line($"// dZ{L} = A{L} − Y: softmax and cross-entropy differentiated together   {Shape(N(L), "m")}");
                        Line($"{Kernels}CostKernels.SoftmaxCrossEntropyGradient<{_t}>(cache.A({L}), Y, cache.dZ({L}));");
                        break;
                    case ActivationKind.Linear:
                        Line($"// dA{L} = A{L} − Y   {Shape(N(L), "m")}");
                        Line($"{Kernels}CostKernels.MeanSquaredErrorGradient<{_t}>(cache.A({L}), Y, cache.dA({L}));");
                        break;
                    default:
                        Line($"// dA{L} = −(Y/A{L} − (1 − Y)/(1 − A{L}))   {Shape(N(L), "m")}");
                        Line($"{Kernels}CostKernels.BinaryCrossEntropyGradient<{_t}>(cache.A({L}), Y, cache.dA({L}));");
                        break;
                }
            }

            /// <summary>A = g(Z) for layer <paramref name="layer"/>; softmax normalises each of the <paramref name="columns"/> columns.</summary>
            private string ActivationCall(int layer, string z, string a, string columns) =>
                G(layer) == ActivationKind.Softmax
                    ? $"{Kernels}ActivationKernels.Softmax<{_t}>({z}, {a}, N{layer}, {columns});"
                    : $"{Kernels}ActivationKernels.{KernelName(G(layer))}<{_t}>({z}, {a});";

            private void WriteUpdate()
            {
                Doc("Gradient descent: W[l] = W[l] − α·dW[l] and b[l] = b[l] − α·db[l] for l = 1 … L.");
                Line($"public void UpdateParameters(Gradients grads, {_t} learningRate) => UpdateParametersCore(grads, learningRate);");
                Line();
                Line($"private void UpdateParametersCore(global::DeepNet.NetworkGradients<{_t}> grads, {_t} learningRate)");
                Open();
                Line($"{Kernels}ShapeChecks.SameArchitecture(grads?.Architecture, {GeneratedNames.ArchitectureField}, nameof(grads), {Quoted(_spec.TypeName)});");
                Line($"{Kernels}ShapeChecks.LearningRate(learningRate, nameof(learningRate));");
                Line($"// θ = θ − α·dθ over W1, b1, …, W{_layers}, b{_layers}   ({ParameterOffset(_layers + 1)} parameters)");
                Line($"{Kernels}UpdateKernels.GradientDescent<{_t}>({GeneratedNames.ParametersField}, grads!.Values, learningRate);");
                Close();
                Line();
            }

            private void WriteTrainingStep()
            {
                Doc($"One step of batch gradient descent on X (n0 × m) and Y (nL × m): Forward, ComputeCost, Backward and UpdateParameters in one call. Returns the cost before the update; afterwards <paramref name=\"cache\"/> and <paramref name=\"grads\"/> hold this step's Z, A, dZ, dA, dW and db, as the four calls leave them.");
                Line($"public {_t} TrainingStep({ReadOnlySpan}<{_t}> X, {ReadOnlySpan}<{_t}> Y, Cache cache, Gradients grads, {_t} learningRate) =>");
                Line("    TrainingStepCore(X, Y, cache, grads, learningRate);");
                Line();
                Line($"private {_t} TrainingStepCore({ReadOnlySpan}<{_t}> X, {ReadOnlySpan}<{_t}> Y, global::DeepNet.NetworkCache<{_t}> cache, global::DeepNet.NetworkGradients<{_t}> grads, {_t} learningRate)");
                Open();
                // Every argument is checked before the first call changes anything.
                WriteBackwardChecks();
                Line($"{Kernels}ShapeChecks.LearningRate(learningRate, nameof(learningRate));");
                if (IsUnrolled)
                    WriteUnrolledTrainingStep();
                else
                    WriteStepByCalls();
                Close();
                Line();
            }

            private void WriteStepByCalls()
            {
                Line("ForwardCore(X, cache);");
                Line($"{_t} J = ComputeCostCore(cache, Y);");
                Line("BackwardCore(X, Y, cache, grads!);");
                Line("UpdateParametersCore(grads!, learningRate);");
                Line("return J;");
            }

            private void WritePredict()
            {
                int hidden = 0;
                for (int l = 1; l < _layers; l++)
                    hidden += N(l);

                Doc("A[L] for one example <paramref name=\"x\"/> (n0 values) into <paramref name=\"output\"/> (nL values). Allocates nothing and is safe to call from many threads at once.");
                Line($"public void Predict({ReadOnlySpan}<{_t}> x, {Span}<{_t}> output)");
                Open();
                Line($"{Kernels}ShapeChecks.Matrix(x.Length, N0, 1, nameof(x), \"n0 × 1\", {Quoted(_spec.TypeName)});");
                Line($"{Kernels}ShapeChecks.Matrix(output.Length, N{_layers}, 1, nameof(output), \"n{_layers} × 1\", {Quoted(_spec.TypeName)});");
                if (IsUnrolled)
                    WriteUnrolledPredict();
                else
                    WritePredictByLayers(hidden);
                Close();
                Line();
                WritePredictOverloads();
            }

            /// <summary>Predict as one kernel call per layer, the hidden activations on the stack (or pooled when large).</summary>
            private void WritePredictByLayers(int hidden)
            {
                bool pooled = hidden > MaxStackValues;
                if (_layers > 1)
                {
                    if (pooled)
                    {
                        Line($"{_t}[] rented = global::System.Buffers.ArrayPool<{_t}>.Shared.Rent({hidden});");
                        Line("try");
                        Open();
                        Line($"{Span}<{_t}> hidden = rented;");
                    }
                    else
                    {
                        Line($"{Span}<{_t}> hidden = stackalloc {_t}[{hidden}];");
                    }
                }
                int offset = 0;
                for (int l = 1; l <= _layers; l++)
                {
                    string input = l == 1 ? "x" : $"a{l - 1}";
                    string target = l == _layers ? "output" : $"a{l}";
                    Line($"// {(l == _layers ? "A" + l : "a" + l)} = {Parser.NameOf(G(l))}(W{l}·{(l == 1 ? "x" : "a" + (l - 1))} + b{l})   {Shape(N(l), 1)}");
                    if (l < _layers)
                    {
                        Line($"{Span}<{_t}> a{l} = hidden.Slice({offset}, {N(l)});");
                        offset += N(l);
                    }
                    Line($"{Kernels}DenseKernels.LinearForward<{_t}>(W{l}, b{l}, {input}, {target}, N{l}, N{l - 1}, 1);");
                    Line(ActivationCall(l, target, target, "1"));
                }
                if (pooled)
                {
                    Close();
                    Line("finally");
                    Open();
                    Line($"global::System.Buffers.ArrayPool<{_t}>.Shared.Return(rented);");
                    Close();
                }
            }

            /// <summary>The single-output, classifying and fixed-size overloads of Predict, all built on the span overload.</summary>
            private void WritePredictOverloads()
            {
                if (G(_layers) == ActivationKind.Softmax)
                    WriteSoftmaxClassify();
                else if (_outputSize == 1)
                {
                    Doc($"The output {OutputNoun} A[L] for one example <paramref name=\"x\"/> (n0 values).");
                    Line($"public {_t} Predict({ReadOnlySpan}<{_t}> x)");
                    Open();
                    Line($"{Span}<{_t}> output = stackalloc {_t}[1];");
                    Line("Predict(x, output);");
                    Line("return output[0];");
                    Close();
                    Line();
                    if (G(_layers) == ActivationKind.Sigmoid)
                    {
                        Doc("The course's rule: <c>true</c> when the output probability is strictly above 0.5.");
                        Line($"public bool Classify({ReadOnlySpan}<{_t}> x) => Predict(x) > {Literal(0.5)};");
                        Line();
                    }
                    if (HasInputType)
                    {
                        Doc($"The output {OutputNoun} A[L] for one example.");
                        Line($"public {_t} Predict(in Input x) => Predict(({ReadOnlySpan}<{_t}>)x);");
                        Line();
                        if (G(_layers) == ActivationKind.Sigmoid)
                        {
                            Doc("The course's rule: <c>true</c> when the output probability is strictly above 0.5.");
                            Line($"public bool Classify(in Input x) => Predict(x) > {Literal(0.5)};");
                            Line();
                        }
                    }
                }
                else
                {
                    if (G(_layers) == ActivationKind.Sigmoid)
                        WriteMultiLabelClassify();
                    if (HasInputType)
                    {
                        Doc("The outputs A[L] for one example.");
                        Line("public Output Predict(in Input x)");
                        Open();
                        Line("Output output = default;");
                        Line($"Predict(({ReadOnlySpan}<{_t}>)x, output);");
                        Line("return output;");
                        Close();
                        Line();
                    }
                }
            }

            /// <summary>Independent sigmoid outputs (multi-label): the course's rule per output.</summary>
            private void WriteMultiLabelClassify()
            {
                Doc("The course's rule per output: <paramref name=\"labels\"/>[i] is <c>true</c> when output i is strictly above 0.5.");
                Line($"public void Classify({ReadOnlySpan}<{_t}> x, {Span}<bool> labels)");
                Open();
                Line($"{Kernels}ShapeChecks.Matrix(labels.Length, N{_layers}, 1, nameof(labels), \"n{_layers} × 1\", {Quoted(_spec.TypeName)});");
                Line($"{Span}<{_t}> output = stackalloc {_t}[OutputSize];");
                Line("Predict(x, output);");
                Line("for (int i = 0; i < OutputSize; i++)");
                Line($"    labels[i] = output[i] > {Literal(0.5)};");
                Close();
                Line();
            }

            /// <summary>A softmax output's class: the index of the largest probability.</summary>
            private void WriteSoftmaxClassify()
            {
                if (HasInputType)
                {
                    Doc("The class probabilities A[L] for one example.");
                    Line("public Output Predict(in Input x)");
                    Open();
                    Line("Output output = default;");
                    Line($"Predict(({ReadOnlySpan}<{_t}>)x, output);");
                    Line("return output;");
                    Close();
                    Line();
                    Doc("The most probable class (0 … nL − 1) for one example.");
                    Line($"public int Classify(in Input x) => Classify(({ReadOnlySpan}<{_t}>)x);");
                    Line();
                }
                Doc("The most probable class (0 … nL − 1) for one example <paramref name=\"x\"/> (n0 values); ties go to the lower class.");
                Line($"public int Classify({ReadOnlySpan}<{_t}> x)");
                Open();
                Line($"{Span}<{_t}> output = stackalloc {_t}[OutputSize];");
                Line("Predict(x, output);");
                Line("int best = 0;");
                Line("for (int i = 1; i < OutputSize; i++)");
                Line("    if (output[i] > output[best]) best = i;");
                Line("return best;");
                Close();
                Line();
            }

            private void WriteInterfaceImplementation()
            {
                string iface = $"global::DeepNet.INetwork<{_t}>";
                Doc("A cache for batches of <paramref name=\"m\"/> examples.");
                Line("public Cache CreateCache(int m) => new Cache(m);");
                Line();
                Doc("Zeroed gradients in the parameters' shapes.");
                Line("public Gradients CreateGradients() => new Gradients();");
                Line();
                Line($"// {iface}: the same steps for generic services (training loops, gradient checking, saving).");
                Line($"global::DeepNet.NetworkCache<{_t}> {iface}.CreateCache(int m) => new Cache(m);");
                Line($"global::DeepNet.NetworkGradients<{_t}> {iface}.CreateGradients() => new Gradients();");
                Line($"void {iface}.Forward({ReadOnlySpan}<{_t}> X, global::DeepNet.NetworkCache<{_t}> cache) => ForwardCore(X, cache);");
                Line($"{_t} {iface}.ComputeCost(global::DeepNet.NetworkCache<{_t}> cache, {ReadOnlySpan}<{_t}> Y) => ComputeCostCore(cache, Y);");
                Line($"void {iface}.Backward({ReadOnlySpan}<{_t}> X, {ReadOnlySpan}<{_t}> Y, global::DeepNet.NetworkCache<{_t}> cache, global::DeepNet.NetworkGradients<{_t}> grads) => BackwardCore(X, Y, cache, grads);");
                Line($"void {iface}.UpdateParameters(global::DeepNet.NetworkGradients<{_t}> grads, {_t} learningRate) => UpdateParametersCore(grads, learningRate);");
                Line($"{_t} {iface}.TrainingStep({ReadOnlySpan}<{_t}> X, {ReadOnlySpan}<{_t}> Y, global::DeepNet.NetworkCache<{_t}> cache, global::DeepNet.NetworkGradients<{_t}> grads, {_t} learningRate) => TrainingStepCore(X, Y, cache, grads, learningRate);");
            }

            /// <summary>A name as a C# identifier: keywords such as <c>event</c> get an <c>@</c>.</summary>
            private static string Identifier(string name) =>
                SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

            private static string KernelName(ActivationKind activation) => activation switch
            {
                ActivationKind.Relu => "Relu",
                ActivationKind.LeakyRelu => "LeakyRelu",
                ActivationKind.Tanh => "Tanh",
                ActivationKind.Sigmoid => "Sigmoid",
                _ => "Linear",
            };
        }
    }
}
