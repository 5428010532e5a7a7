using System;
using System.Collections.Generic;
using System.Linq;
using DeepNet.Gen.Model;

namespace DeepNet.Gen;

public sealed partial class NetworkGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// Straight-line code for small networks. A kernel call per layer costs more than the arithmetic of a layer
        /// with a few dozen weights, so for small batches (up to 1024 / weights examples, at most 64) these networks
        /// are written out instead: one loop over the examples whose body takes one example (column j) through every
        /// layer with constant indices, the values in locals, dW and db summed over the examples and scaled by 1/m
        /// once. The numbers are the lecture's, computed by the same scalar helpers as the kernels
        /// (<c>ActivationKernels.Sigmoid</c>, <c>CostKernels.BinaryCrossEntropyGradient</c>, …).
        /// </summary>
        private sealed partial class NetworkWriter
        {
            /// <summary>No layer of an unrolled network is wider than this (n0 included).</summary>
            private const int MaxUnrolledLayerSize = 16;

            /// <summary>An unrolled network has at most this many weights in all: the code grows with them.</summary>
            private const int MaxUnrolledWeights = 128;

            /// <summary>
            /// The unrolled code serves batches of up to this many multiply-adds per weight matrix product (m × weights):
            /// beyond it the layer-by-layer kernels, vectorised across the examples, are faster. Measured crossings:
            /// 5-4-3-1 (35 weights) between 32 and 48 examples, 16-7-1 and 8-14-1 (119, 126 weights) between 8 and 16,
            /// 2-4-1 tanh (12 weights) near 64.
            /// </summary>
            private const int UnrolledMultiplyAddBudget = 1024;

            /// <summary>An upper bound on the unrolled batch for the smallest networks, whose crossing was not measured higher.</summary>
            private const int MaxUnrolledExamples = 64;

            private const string ActivationKernels = Kernels + "ActivationKernels.";
            private const string CostKernels = Kernels + "CostKernels.";

            /// <summary>Locals declared in the loop body being written, so that each value is loaded or computed once.</summary>
            private readonly HashSet<string> _declared = new();

            private int WeightCount
            {
                get
                {
                    int weights = 0;
                    for (int l = 1; l <= _layers; l++)
                        weights += N(l) * N(l - 1);
                    return weights;
                }
            }

            private bool IsUnrolled
            {
                get
                {
                    for (int l = 0; l <= _layers; l++)
                    {
                        if (N(l) > MaxUnrolledLayerSize)
                            return false;
                    }
                    return WeightCount <= MaxUnrolledWeights;
                }
            }

            /// <summary>The largest batch this network's unrolled code serves, fixed by its number of weights.</summary>
            private int UnrolledExamples => Math.Min(MaxUnrolledExamples, Math.Max(1, UnrolledMultiplyAddBudget / WeightCount));

            /// <summary>
            /// How the layer-by-layer code of an unrolled network names the parameter properties: the unrolled code's
            /// locals W1, b1, … (the same spans) are in scope in the whole method.
            /// </summary>
            private string This => IsUnrolled ? "this." : "";

            /// <summary>Element (i, j) of an n × m matrix stored row-major.</summary>
            private static string At(int row) => row switch
            {
                0 => "j",
                1 => "m + j",
                _ => $"{row} * m + j",
            };

            /// <summary>
            /// The sum of <paramref name="terms"/> as a balanced tree, (t0 + t1) + (t2 + t3): the additions of one level
            /// run side by side, so a sum of n terms waits for about log2 n additions instead of n − 1.
            /// </summary>
            private static string PairwiseSum(IReadOnlyList<string> terms)
            {
                if (terms.Count == 1)
                    return terms[0];
                if (terms.Count == 2)
                    return $"{terms[0]} + {terms[1]}";
                int half = (terms.Count + 1) / 2;
                string right = PairwiseSum(terms.Skip(half).ToList());
                return $"{PairwiseSum(terms.Take(half).ToList())} + {(right.Contains(" + ") ? "(" + right + ")" : right)}";
            }

            /// <summary>Declares <paramref name="name"/> = <paramref name="value"/> unless this loop body already has it.</summary>
            private void Local(string name, string value)
            {
                if (_declared.Add(name))
                    Line($"{_t} {name} = {value};");
            }

            private void BeginExampleLoop()
            {
                _declared.Clear();
                Line("for (int j = 0; j < m; j++)");
                Open();
            }

            private void WriteParameterLocals()
            {
                for (int l = 1; l <= _layers; l++)
                    Line($"{ReadOnlySpan}<{_t}> W{l} = this.W{l}, b{l} = this.b{l};");
            }

            /// <summary>Z[l] and A[l] of every layer as spans, and with <paramref name="backward"/> dZ[l] and dA[l] too (no dA[L] after softmax).</summary>
            private void WriteCacheLocals(bool backward)
            {
                for (int l = 1; l <= _layers; l++)
                {
                    var spans = new List<string> { $"Z{l} = cache.Z({l}), A{l} = cache.A({l})" };
                    if (backward)
                    {
                        spans.Add($"dZ{l} = cache.dZ({l})");
                        if (l < _layers || G(l) != ActivationKind.Softmax)
                            spans.Add($"dA{l} = cache.dA({l})");
                    }
                    Line($"{Span}<{_t}> {string.Join(", ", spans)};");
                }
            }

            private void WriteGradientLocals()
            {
                Line($"{Span}<{_t}> gradients = grads!.Values.Slice(0, ParameterCount);");
                Line("gradients.Clear();");
                for (int l = 1; l <= _layers; l++)
                    Line($"{Span}<{_t}> dW{l} = gradients.Slice({ParameterOffset(l)}, {N(l) * N(l - 1)}), db{l} = gradients.Slice({BiasOffset(l)}, {N(l)});");
            }

            private void WriteUnrolledForward()
            {
                Line($"if (cache.IsDropoutEnabled || m > {UnrolledExamples})");
                Open();
                Line($"// Layer by layer: dropout draws its masks D[l] per layer, and above {UnrolledExamples} examples the kernels, vectorised across the examples, are faster.");
                WriteForwardByLayers();
                Line();
                Line("return;");
                Close();
                Line();
                Line("// Small enough to unroll: one example (column j) at a time through every layer, every index a constant.");
                WriteParameterLocals();
                WriteCacheLocals(backward: false);
                BeginExampleLoop();
                WriteExampleInput("X");
                WriteExampleForward(store: true, output: null);
                Close();
            }

            private void WriteUnrolledCost()
            {
                int L = _layers;
                Line("// Small enough to unroll: one example (column j) at a time, every index a constant.");
                Line($"{Span}<{_t}> {(G(L) == ActivationKind.Softmax ? "Z" : "A")}{L} = cache.{(G(L) == ActivationKind.Softmax ? "Z" : "A")}({L});");
                Line($"{_t} cost = {Literal(0)};");
                BeginExampleLoop();
                for (int i = 0; i < N(L); i++)
                {
                    if (G(L) == ActivationKind.Softmax)
                        Local($"z{L}_{i}", $"Z{L}[{At(i)}]");
                    else
                        Local($"a{L}_{i}", $"A{L}[{At(i)}]");
                }
                if (G(L) == ActivationKind.Softmax)
                    WriteSoftmaxSums(L);
                WriteExampleCost();
                Close();
                WriteCostResult();
            }

            private void WriteUnrolledBackward()
            {
                Line($"if (cache.IsDropoutEnabled || m > {UnrolledExamples})");
                Open();
                Line($"// Layer by layer: dropout's masks apply to whole layers, and above {UnrolledExamples} examples the kernels, vectorised across the examples, are faster.");
                WriteBackwardByLayers();
                Line();
                Line("return;");
                Close();
                Line();
                Line("// Small enough to unroll: one example (column j) at a time from layer L down to 1, every index a constant.");
                WriteParameterLocals();
                WriteCacheLocals(backward: true);
                WriteGradientLocals();
                BeginExampleLoop();
                WriteExampleBackward(fromCache: true);
                Close();
                Line();
                WriteGradientScaling();
            }

            private void WriteUnrolledPredict()
            {
                Line("// Small enough to unroll: every index a constant, every value a local.");
                WriteParameterLocals();
                _declared.Clear();
                for (int k = 0; k < N(0); k++)
                    Local($"x{k}", $"x[{k}]");
                WriteExampleForward(store: false, output: "output");
            }

            private void WriteUnrolledTrainingStep()
            {
                Line($"if (cache.IsDropoutEnabled || m > {UnrolledExamples})");
                Open();
                WriteStepByCalls();
                Close();
                Line();
                Line("// Small enough to unroll: forward, cost and backward for one example (column j) at a time.");
                WriteParameterLocals();
                WriteCacheLocals(backward: true);
                WriteGradientLocals();
                Line($"{_t} cost = {Literal(0)};");
                BeginExampleLoop();
                WriteExampleInput("X");
                WriteExampleForward(store: true, output: null);
                WriteExampleCost();
                WriteExampleBackward(fromCache: false);
                Close();
                Line();
                Line("// dW[l] = 1/m dZ[l]·A[l−1]ᵀ and db[l] = 1/m Σ dZ[l] (the sums times 1/m), then");
                Line($"// θ = θ − α·dθ over W1, b1, …, W{_layers}, b{_layers}   ({ParameterOffset(_layers + 1)} parameters)");
                Line($"{Kernels}UpdateKernels.ScaleAndDescend<{_t}>({GeneratedNames.ParametersField}, gradients, {Literal(1.0)} / m, learningRate);");
                WriteCostResult();
            }

            /// <summary>x = X[:, j]: the example's features as locals x0, x1, ….</summary>
            private void WriteExampleInput(string matrix)
            {
                for (int k = 0; k < N(0); k++)
                    Local($"x{k}", $"{matrix}[{At(k)}]");
            }

            /// <summary>Z[l] and A[l] of one example for l = 1 … L as locals z{l}_i and a{l}_i; stored in the cache, or A[L] into <paramref name="output"/>.</summary>
            private void WriteExampleForward(bool store, string? output)
            {
                for (int l = 1; l <= _layers; l++)
                {
                    string input = l == 1 ? "x" : $"a{l - 1}";
                    Line($"// Z{l} = W{l}·{(l == 1 ? "x" : "A" + (l - 1))} + b{l}, A{l} = {Parser.NameOf(G(l))}(Z{l})   {Shape(N(l), N(l - 1))}·{Shape(N(l - 1), 1)} + {Shape(N(l), 1)}");
                    for (int i = 0; i < N(l); i++)
                    {
                        var terms = new List<string> { $"b{l}[{i}]" };
                        terms.AddRange(Enumerable.Range(0, N(l - 1)).Select(k => $"W{l}[{i * N(l - 1) + k}] * {input}{(l == 1 ? "" : "_")}{k}"));
                        Local($"z{l}_{i}", PairwiseSum(terms));
                    }
                    if (G(l) == ActivationKind.Softmax)
                    {
                        WriteSoftmaxSums(l);
                        for (int i = 0; i < N(l); i++)
                            Local($"a{l}_{i}", $"e{l}_{i} / sum{l}");
                    }
                    else
                    {
                        for (int i = 0; i < N(l); i++)
                            Local($"a{l}_{i}", G(l) == ActivationKind.Linear ? $"z{l}_{i}" : $"{ActivationKernels}{KernelName(G(l))}(z{l}_{i})");
                    }
                    if (store)
                    {
                        for (int i = 0; i < N(l); i++)
                            Line($"Z{l}[{At(i)}] = z{l}_{i}; A{l}[{At(i)}] = a{l}_{i};");
                    }
                    else if (l == _layers)
                    {
                        for (int i = 0; i < N(l); i++)
                            Line($"{output}[{i}] = a{l}_{i};");
                    }
                }
            }

            /// <summary>The column's maximum, e^(z − max) and their sum: softmax and its log-sum-exp, which never overflow.</summary>
            private void WriteSoftmaxSums(int l)
            {
                string max = $"z{l}_0";
                for (int i = 1; i < N(l); i++)
                    max = $"{_t}.Max({max}, z{l}_{i})";
                Local($"max{l}", max);
                for (int i = 0; i < N(l); i++)
                    Local($"e{l}_{i}", $"{_t}.Exp(z{l}_{i} - max{l})");
                Local($"sum{l}", PairwiseSum(Enumerable.Range(0, N(l)).Select(i => $"e{l}_{i}").ToList()));
            }

            /// <summary>The example's term of the cost, added to <c>cost</c>; labels y_i loaded from Y.</summary>
            private void WriteExampleCost()
            {
                int L = _layers;
                for (int i = 0; i < N(L); i++)
                    Local($"y{i}", $"Y[{At(i)}]");
                switch (G(L))
                {
                    case ActivationKind.Softmax:
                        Line($"// J += Σ y log a{L} with log a{L} = z{L} − log Σ e^z{L} (log-sum-exp)");
                        Local($"logSumExp{L}", $"max{L} + {_t}.Log(sum{L})");
                        for (int i = 0; i < N(L); i++)
                            Line($"if (y{i} != {Literal(0)}) cost += y{i} * (z{L}_{i} - logSumExp{L});");
                        break;
                    case ActivationKind.Linear:
                        Line($"// J += Σ (a{L} − y)²");
                        for (int i = 0; i < N(L); i++)
                            Line($"cost += (a{L}_{i} - y{i}) * (a{L}_{i} - y{i});");
                        break;
                    default:
                        Line($"// J += Σ y log a{L} + (1 − y) log(1 − a{L})");
                        for (int i = 0; i < N(L); i++)
                            Line($"cost += {CostKernels}BinaryCrossEntropyTerm(a{L}_{i}, y{i});");
                        break;
                }
            }

            private void WriteCostResult()
            {
                Line(G(_layers) switch
                {
                    ActivationKind.Linear => $"return cost / (2 * ({_t})m);",
                    _ => "return -cost / m;",
                });
            }

            /// <summary>
            /// Backward propagation of one example: dA[L], then dZ, the example's share of dW and db, and dA[l−1] for
            /// l = L … 1. Values missing from the loop body (in Backward: all of them) are loaded from the cache.
            /// </summary>
            private void WriteExampleBackward(bool fromCache)
            {
                int L = _layers;
                for (int i = 0; i < N(L); i++)
                {
                    Local($"a{L}_{i}", $"A{L}[{At(i)}]");
                    Local($"y{i}", $"Y[{At(i)}]");
                }
                switch (G(L))
                {
                    case ActivationKind.Softmax:
                        Line($"// dZ{L} = A{L} − Y: softmax and cross-entropy differentiated together   {Shape(N(L), 1)}");
                        for (int i = 0; i < N(L); i++)
                            Local($"dz{L}_{i}", $"a{L}_{i} - y{i}");
                        break;
                    case ActivationKind.Linear:
                        Line($"// dA{L} = A{L} − Y   {Shape(N(L), 1)}");
                        for (int i = 0; i < N(L); i++)
                        {
                            Local($"da{L}_{i}", $"a{L}_{i} - y{i}");
                            Line($"dA{L}[{At(i)}] = da{L}_{i};");
                        }
                        break;
                    default:
                        Line($"// dA{L} = −(Y/A{L} − (1 − Y)/(1 − A{L}))   {Shape(N(L), 1)}");
                        for (int i = 0; i < N(L); i++)
                        {
                            Local($"da{L}_{i}", $"{CostKernels}BinaryCrossEntropyGradient(a{L}_{i}, y{i})");
                            Line($"dA{L}[{At(i)}] = da{L}_{i};");
                        }
                        break;
                }

                for (int l = L; l >= 1; l--)
                {
                    if (l < L || G(l) != ActivationKind.Softmax)
                    {
                        Line($"// dZ{l} = dA{l} * {Parser.NameOf(G(l))}'(Z{l})   {Shape(N(l), 1)}");
                        for (int i = 0; i < N(l); i++)
                            Local($"dz{l}_{i}", ActivationGradient(l, i, fromCache));
                    }
                    for (int i = 0; i < N(l); i++)
                        Line($"dZ{l}[{At(i)}] = dz{l}_{i};");

                    string input = l == 1 ? "x" : $"a{l - 1}_";
                    for (int k = 0; k < N(l - 1); k++)
                        Local($"{input}{k}", l == 1 ? $"X[{At(k)}]" : $"A{l - 1}[{At(k)}]");
                    Line($"// dW{l} += dZ{l}·{(l == 1 ? "x" : "A" + (l - 1))}ᵀ and db{l} += dZ{l}, summed over the examples (1/m after the loop)");
                    for (int i = 0; i < N(l); i++)
                    {
                        string terms = string.Join(" ", Enumerable.Range(0, N(l - 1)).Select(k => $"dW{l}[{i * N(l - 1) + k}] += dz{l}_{i} * {input}{k};"));
                        Line($"{terms} db{l}[{i}] += dz{l}_{i};");
                    }

                    if (l > 1)
                    {
                        Line($"// dA{l - 1} = W{l}ᵀ·dZ{l}   {Shape(N(l - 1), N(l))}·{Shape(N(l), 1)}");
                        for (int k = 0; k < N(l - 1); k++)
                        {
                            Local($"da{l - 1}_{k}", PairwiseSum(Enumerable.Range(0, N(l)).Select(i => $"W{l}[{i * N(l - 1) + k}] * dz{l}_{i}").ToList()));
                            Line($"dA{l - 1}[{At(k)}] = da{l - 1}_{k};");
                        }
                    }
                    else
                    {
                        Line("// dA0 = W1ᵀ·dZ1 is never computed: X has no parameters.");
                    }
                }
            }

            /// <summary>
            /// dz = da * g'(z) for unit <paramref name="i"/> of layer <paramref name="l"/>: from Z as the lecture does
            /// (Backward's cache may come from elsewhere), or in a training step from the A just computed from Z, the same number.
            /// </summary>
            private string ActivationGradient(int l, int i, bool fromCache)
            {
                string da = $"da{l}_{i}", z = $"z{l}_{i}", a = $"a{l}_{i}";
                if (G(l) == ActivationKind.Linear)
                    return da;
                if (!fromCache && G(l) is ActivationKind.Sigmoid or ActivationKind.Tanh)
                    return $"{ActivationKernels}{KernelName(G(l))}BackwardFromOutput({da}, {a})";
                Local(z, $"Z{l}[{At(i)}]");
                return $"{ActivationKernels}{KernelName(G(l))}Backward({da}, {z})";
            }

            private void WriteGradientScaling()
            {
                Line("// dW[l] = 1/m dZ[l]·A[l−1]ᵀ and db[l] = 1/m Σ dZ[l]: the sums times 1/m");
                Line($"{Kernels}UpdateKernels.Scale<{_t}>(gradients, {Literal(1.0)} / m);");
            }
        }
    }
}
